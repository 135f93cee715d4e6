package dev.thingyan.domain.report;

import dev.thingyan.ports.in.SubmitErrorReport;
import dev.thingyan.ports.model.Actor;
import dev.thingyan.ports.model.LogLevel;
import dev.thingyan.ports.model.Run;
import dev.thingyan.ports.model.RunEvent;
import dev.thingyan.ports.model.RunState;
import dev.thingyan.ports.model.report.ErrorReport;
import dev.thingyan.ports.model.report.ReportSource;
import dev.thingyan.ports.model.report.Severity;
import dev.thingyan.ports.model.report.StackTrace;
import dev.thingyan.ports.out.RunJournal;
import dev.thingyan.ports.out.RunListener;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Files a report when a run ends badly: a failed backup, a failed update (rolled back or not) or
 * a failed rollback, with the last lines of the run's log as its trace. A refused precheck is not
 * filed: it is the system doing its job (too little disk, a check-in in progress). The report
 * goes through the same intake as any other, so the log is redacted before it is stored, and the
 * fingerprint (from the reason, numbers masked) puts the same failure in every release into one
 * issue. A listener must not throw: a report that cannot be filed is noted in the run's log.
 */
public final class UpdateFailureReporter implements RunListener {
  static final String EXCEPTION_TYPE = "thingyan.UpdateFailure";
  private static final int LOG_LINES = 60;

  private final RunJournal journal;
  private final SubmitErrorReport reports;
  private final String environment;
  /** The warning written when filing fails comes back as an event: it must not file again. */
  private final ThreadLocal<Boolean> busy = ThreadLocal.withInitial(() -> false);

  public UpdateFailureReporter(RunJournal journal, SubmitErrorReport reports, String environment) {
    this.journal = Objects.requireNonNull(journal, "journal");
    this.reports = Objects.requireNonNull(reports, "reports");
    this.environment = Objects.requireNonNull(environment, "environment");
  }

  @Override
  public void onEvent(RunEvent event) {
    if (!files(event.state()) || event.step().isPresent() || busy.get()) {
      return;
    }
    busy.set(true);
    try {
      file(event);
    } finally {
      busy.remove();
    }
  }

  private void file(RunEvent event) {
    try {
      Optional<Run> run = journal.find(event.runId()).filter(r -> r.state() == event.state());
      if (run.isEmpty()) {
        return;
      }
      RunLog log = read(run.get());
      // only the transition files: later lines of the ended run (housekeeping, an admin
      // resolving the block, this reporter's own warning below) are the same failure
      if (log.firstInEndState() == event.seq()) {
        reports.submit(Actor.SYSTEM, report(run.get(), event, log.tail()));
      }
    } catch (RuntimeException e) {
      try {
        journal.log(event.runId(), LogLevel.WARN, Optional.empty(),
            "the failure could not be filed as an error report: " + e.getMessage());
      } catch (RuntimeException ignored) {
        // the journal itself failed; the run's own record already says what happened
      }
    }
  }

  static boolean files(RunState state) {
    return state == RunState.BACKUP_FAILED || state == RunState.FAILED
        || state == RunState.ROLLBACK_FAILED;
  }

  private ErrorReport report(Run run, RunEvent event, String logTail) {
    String what = switch (run.kind()) {
      case ROLLBACK -> "Rollback";
      default -> "Update";
    };
    String versions = run.fromVersion().map(Object::toString).orElse("?") + " → "
        + run.targetVersion().map(Object::toString).orElse("?");
    String reason = run.reason().orElse(event.message());
    Severity severity = run.state() == RunState.ROLLBACK_FAILED ? Severity.CRITICAL : Severity.ERROR;
    Map<String, Object> context = new LinkedHashMap<>();
    context.put("run_id", run.id().toString());
    context.put("run_kind", run.kind().name().toLowerCase(java.util.Locale.ROOT));
    context.put("state", run.state().name().toLowerCase(java.util.Locale.ROOT));
    run.backupId().ifPresent(b -> context.put("backup_id", b));
    String title = what + " " + versions + " ended " + context.get("state") + ": " + reason;
    return new ErrorReport(title.length() > 1000 ? title.substring(0, 1000) : title, severity,
        ReportSource.UPDATE, environment, run.fromVersion(), Optional.of(run.id().toString()),
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), cut(reason),
        Optional.of(EXCEPTION_TYPE), new StackTrace(logTail, List.of()), context,
        event.at());
  }

  /**
   * @param tail the last lines of the run's log
   * @param firstInEndState the seq of the first event written in the run's (ending) state
   */
  private record RunLog(String tail, long firstInEndState) {}

  private RunLog read(Run run) {
    List<String> lines = new ArrayList<>();
    long after = 0;
    long first = -1;
    List<RunEvent> page;
    do {
      page = journal.events(run.id(), after, 500);
      for (RunEvent e : page) {
        lines.add(e.at() + " " + e.level() + " " + e.state().wireName()
            + e.step().map(s -> "/" + s).orElse("") + " " + e.message());
        first = e.state() != run.state() ? -1 : first < 0 ? e.seq() : first;
        after = e.seq();
      }
      if (lines.size() > LOG_LINES) {
        lines.subList(0, lines.size() - LOG_LINES).clear();
      }
    } while (page.size() == 500);
    String tail = String.join("\n", lines);
    return new RunLog(tail.length() > 400_000 ? tail.substring(tail.length() - 400_000) : tail,
        first);
  }

  private static String cut(String text) {
    return text.length() > 60_000 ? text.substring(0, 60_000) : text;
  }
}
