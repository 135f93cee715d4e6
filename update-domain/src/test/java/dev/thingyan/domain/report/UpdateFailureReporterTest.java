package dev.thingyan.domain.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.thingyan.ports.model.Actor;
import dev.thingyan.ports.model.LogLevel;
import dev.thingyan.ports.model.Run;
import dev.thingyan.ports.model.RunEvent;
import dev.thingyan.ports.model.RunKind;
import dev.thingyan.ports.model.RunState;
import dev.thingyan.ports.model.report.ErrorReport;
import dev.thingyan.ports.model.report.ReportReceipt;
import dev.thingyan.ports.model.report.ReportSource;
import dev.thingyan.ports.model.report.Severity;
import dev.thingyan.ports.in.SubmitErrorReport;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UpdateFailureReporterTest {
  private final FakeClock clock = new FakeClock(DeliveryWorld.T0);
  private final FakeRunJournal journal = new FakeRunJournal(clock);
  private final InMemoryReportOutbox outbox = new InMemoryReportOutbox();
  private final ReportIntake intake = new ReportIntake(outbox, InAppRules.DEFAULT, clock);

  private void listen(SubmitErrorReport reports, String environment) {
    journal.listener(new UpdateFailureReporter(journal, reports, environment));
  }

  /** A run that logs 80 lines of hook output, one of them with a guest's address, then ends. */
  private Run endRun(RunKind kind, RunState from, RunState to) {
    Run run = journal.start(kind, from, "1.4.2", "1.5.0",
        Optional.of("migrate failed: php artisan migrate exited 1"));
    for (int i = 1; i <= 80; i++) {
      clock.advance(Duration.ofSeconds(1));
      String extra = i == 79 ? " guest aung@gmail.com" : "";
      journal.log(run.id(), LogLevel.INFO, Optional.of("migrate"),
          String.format("hook output #%03d%s", i, extra));
    }
    journal.transition(run.id(), from, to, "ended: migrate failed");
    return run;
  }

  private List<ErrorReport> filed() {
    return outbox.pending(100).stream().map(q -> q.report()).toList();
  }

  @ParameterizedTest
  @CsvSource({"UPDATE, ROLLBACK_RUNNING, FAILED, ERROR, Update",
      "UPDATE, BACKUP_RUNNING, BACKUP_FAILED, ERROR, Update",
      "UPDATE, ROLLBACK_RUNNING, ROLLBACK_FAILED, CRITICAL, Update",
      "ROLLBACK, ROLLBACK_RUNNING, ROLLBACK_FAILED, CRITICAL, Rollback"})
  void filesRunsThatEndBadly(RunKind kind, RunState from, RunState to, Severity severity,
      String what) {
    listen(intake, "production");
    Run run = endRun(kind, from, to);

    assertThat(filed()).singleElement().satisfies(r -> {
      assertThat(r.severity()).isEqualTo(severity);
      assertThat(r.source()).isEqualTo(ReportSource.UPDATE);
      assertThat(r.exceptionType()).contains(UpdateFailureReporter.EXCEPTION_TYPE);
      assertThat(r.title()).startsWith(what + " 1.4.2 → 1.5.0 ended " + to.wireName())
          .contains("migrate failed");
      assertThat(r.traceId()).contains(run.id().toString());
      assertThat(r.appVersion()).hasValueSatisfying(v -> assertThat(v).hasToString("1.4.2"));
      assertThat(r.context()).containsEntry("state", to.wireName())
          .containsEntry("backup_id", "bk-20250401");
    });
  }

  @Test
  void theLogTailIsTheLastSixtyLinesRedacted() {
    listen(intake, "production");
    endRun(RunKind.UPDATE, RunState.ROLLBACK_RUNNING, RunState.FAILED);

    String tail = filed().get(0).stackTrace().raw();
    assertThat(tail.lines()).hasSize(60);
    assertThat(tail).contains("hook output #022", "hook output #080", "ended: migrate failed")
        .doesNotContain("hook output #021", "aung@gmail.com");
    assertThat(outbox.pending(1).get(0).report().toString()).doesNotContain("aung@gmail.com");
  }

  @ParameterizedTest
  @CsvSource({"CHECKING, PRECHECK_FAILED", "HEALTH_CHECK, COMPLETED",
      "ROLLBACK_RUNNING, ROLLBACK_RUNNING"})
  void doesNotFileARefusedPrecheckOrASuccess(RunState from, RunState to) {
    listen(intake, "production");
    endRun(RunKind.UPDATE, from, to);
    assertThat(outbox.enqueued()).isZero();
  }

  @Test
  void filesOnceEvenWhenTheEndedRunLogsMore() {
    listen(intake, "production");
    Run run = endRun(RunKind.UPDATE, RunState.ROLLBACK_RUNNING, RunState.ROLLBACK_FAILED);
    journal.log(run.id(), LogLevel.WARN, Optional.empty(), "could not prune old backups");
    journal.log(run.id(), LogLevel.INFO, Optional.of("db_restore"), "admin decided");
    journal.resolve(run.id(), new Actor("user:1"), "restored by hand");

    assertThat(outbox.enqueued()).isEqualTo(1);
  }

  @Test
  void aReportThatCannotBeFiledIsNotedInTheRunLogAndNeverThrows() {
    AtomicInteger attempts = new AtomicInteger();
    listen(new SubmitErrorReport() {
      @Override
      public ReportReceipt submit(Actor actor, Map<String, ?> untrusted) {
        throw new AssertionError("the reporter builds reports itself");
      }

      @Override
      public ReportReceipt submit(Actor actor, ErrorReport report) {
        attempts.incrementAndGet();
        throw new IllegalStateException("journal database is read-only");
      }
    }, "production");

    assertThatCode(() -> endRun(RunKind.UPDATE, RunState.ROLLBACK_RUNNING, RunState.FAILED))
        .doesNotThrowAnyException();

    assertThat(attempts).hasValue(1);
    assertThat(warnings()).singleElement().satisfies(e -> assertThat(e.message())
        .contains("could not be filed", "read-only"));
  }

  @Test
  void aReportTheIntakeRefusesIsNotedOnceNotRetriedForEver() {
    listen(intake, "Main Site"); // not an opaque id: every report it builds is invalid

    assertThatCode(() -> endRun(RunKind.UPDATE, RunState.ROLLBACK_RUNNING, RunState.FAILED))
        .doesNotThrowAnyException();

    assertThat(outbox.enqueued()).isZero();
    assertThat(warnings()).singleElement().satisfies(e -> assertThat(e.message())
        .contains("environment"));
  }

  @Test
  void anUnreadableRunIsNotedOnceToo() {
    listen(intake, "production");
    journal.unreadable(true);

    assertThatCode(() -> endRun(RunKind.UPDATE, RunState.ROLLBACK_RUNNING, RunState.FAILED))
        .doesNotThrowAnyException();

    assertThat(outbox.enqueued()).isZero();
    assertThat(warnings()).singleElement().satisfies(e -> assertThat(e.message())
        .contains("cannot be read"));
  }

  private List<RunEvent> warnings() {
    return journal.events().stream().filter(e -> e.level() == LogLevel.WARN).toList();
  }
}
