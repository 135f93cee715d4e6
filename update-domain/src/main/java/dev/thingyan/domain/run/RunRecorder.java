package dev.thingyan.domain.run;

import dev.thingyan.domain.policy.RunTransitions;
import dev.thingyan.domain.policy.SecretMasker;
import dev.thingyan.ports.model.LogLevel;
import dev.thingyan.ports.model.Run;
import dev.thingyan.ports.model.RunEvent;
import dev.thingyan.ports.model.RunProgress;
import dev.thingyan.ports.model.RunState;
import dev.thingyan.ports.model.StepOutcome;
import dev.thingyan.ports.out.FaultPoints;
import dev.thingyan.ports.out.RunJournal;
import dev.thingyan.ports.out.RunListener;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Writes one run's facts to the journal in the order the design requires (the fact before the
 * side effect it announces), tells the listener, and passes the crash-test fault points.
 */
final class RunRecorder {

  private final RunJournal journal;
  private final RunListener listener;
  private final FaultPoints faults;
  private final SecretMasker masker;
  private Run run;
  private long lastSeq;

  RunRecorder(RunJournal journal, RunListener listener, FaultPoints faults, SecretMasker masker, Run run) {
    this.journal = journal;
    this.listener = listener;
    this.faults = faults;
    this.masker = masker;
    this.run = run;
  }

  Run run() {
    return run;
  }

  /**
   * For a run picked up again (recovery, an admin's decision): the events already journaled were
   * told to listeners by the process that wrote them, so they are not told again (metrics would
   * count them twice).
   */
  RunRecorder resumed() {
    List<RunEvent> history = journal.events(run.id(), 0, Integer.MAX_VALUE);
    if (!history.isEmpty()) {
      lastSeq = history.get(history.size() - 1).seq();
    }
    return this;
  }

  Run refresh() {
    run = journal.find(run.id()).orElseThrow();
    return run;
  }

  /** Moves the run, after the state machine allowed it; the journal refuses a stale expectation. */
  void transition(RunState next, String message) {
    RunTransitions.require(run.kind(), run.state(), next);
    run = journal.transition(run.id(), run.state(), next, masker.mask(message));
    publish();
    faults.reach("after-transition:" + next.wireName());
  }

  /** Runs a step: its start is durable before the work, its end after. */
  <T> T step(String name, Supplier<StepResult<T>> work) {
    journal.stepStarted(run.id(), name);
    publish();
    faults.reach("after-step-start:" + name);
    StepResult<T> result;
    try {
      result = work.get();
    } catch (StepFailedException e) {
      end(name, StepOutcome.FAILED, e.getMessage());
      throw e;
    } catch (RuntimeException e) {
      String reason = name + " failed: " + describe(e);
      end(name, StepOutcome.FAILED, reason);
      throw new StepFailedException(name, reason, e);
    }
    end(name, result.outcome(), result.detail());
    faults.reach("after-step-end:" + name);
    return result.value();
  }

  void step(String name, Runnable work, String doneDetail) {
    step(name, () -> {
      work.run();
      return StepResult.done(null, doneDetail);
    });
  }

  private void end(String name, StepOutcome outcome, String detail) {
    journal.stepEnded(run.id(), name, outcome, masker.mask(detail));
    publish();
  }

  void log(LogLevel level, String step, String message) {
    journal.log(run.id(), level, Optional.ofNullable(step), masker.mask(message));
    publish();
  }

  /** Tells the listener how far a transfer got (structured, for a UI); not journaled. */
  void progress(String step, long done, long total) {
    try {
      listener.onProgress(new RunProgress(run.id(), step, done, total, 1));
    } catch (RuntimeException ignored) {
      // a listener cannot change the run (RunListener's contract)
    }
  }

  void fault(String point) {
    faults.reach(point);
  }

  private void publish() {
    List<RunEvent> events = journal.events(run.id(), lastSeq, 500);
    for (RunEvent e : events) {
      lastSeq = Math.max(lastSeq, e.seq());
      try {
        listener.onEvent(e);
      } catch (RuntimeException ignored) {
        // a listener cannot change the run (RunListener's contract)
      }
    }
  }

  static String describe(Throwable e) {
    String m = e.getMessage();
    return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
  }
}
