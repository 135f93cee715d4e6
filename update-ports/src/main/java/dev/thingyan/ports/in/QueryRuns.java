package dev.thingyan.ports.in;

import dev.thingyan.ports.model.FailedRelease;
import dev.thingyan.ports.model.GateStatus;
import dev.thingyan.ports.model.InstalledRelease;
import dev.thingyan.ports.model.Run;
import dev.thingyan.ports.model.RunEvent;
import dev.thingyan.ports.model.RunId;
import dev.thingyan.ports.model.StepRecord;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Read-only views of the system and its runs. */
public interface QueryRuns {

  Status status();

  /** @return runs, newest first */
  List<Run> history(int limit);

  Optional<Detail> run(RunId id);

  /**
   * @param active the run not yet ended, if any
   * @param blocking the unresolved {@code rollback_failed} run, if any
   * @param last the newest run
   * @param maintenance thingyan's maintenance flag is up (the same as {@code gate.up()})
   * @param gate the maintenance gate: the flag, its reason, an app put down by hand
   * @param notOffered versions newer than the current one whose installation failed: the automatic
   *     choice passes them over until named explicitly (newest first)
   */
  record Status(Optional<InstalledRelease> current, Optional<Run> active, Optional<Run> blocking,
      Optional<Run> last, boolean maintenance, GateStatus gate, List<FailedRelease> notOffered) {
    public Status {
      Objects.requireNonNull(current, "current");
      Objects.requireNonNull(active, "active");
      Objects.requireNonNull(blocking, "blocking");
      Objects.requireNonNull(last, "last");
      Objects.requireNonNull(gate, "gate");
      if (gate.up() != maintenance) {
        throw new IllegalArgumentException("maintenance and gate.up must agree");
      }
      notOffered = List.copyOf(notOffered);
    }

    /** With only the flag known and no failed release passed over. */
    public Status(Optional<InstalledRelease> current, Optional<Run> active, Optional<Run> blocking,
        Optional<Run> last, boolean maintenance) {
      this(current, active, blocking, last, maintenance,
          new GateStatus(maintenance, Optional.empty(), false), List.of());
    }

    /** With the gate known and no failed release passed over. */
    public Status(Optional<InstalledRelease> current, Optional<Run> active, Optional<Run> blocking,
        Optional<Run> last, boolean maintenance, GateStatus gate) {
      this(current, active, blocking, last, maintenance, gate, List.of());
    }

    /** With only the flag known. */
    public Status(Optional<InstalledRelease> current, Optional<Run> active, Optional<Run> blocking,
        Optional<Run> last, boolean maintenance, List<FailedRelease> notOffered) {
      this(current, active, blocking, last, maintenance,
          new GateStatus(maintenance, Optional.empty(), false), notOffered);
    }
  }

  /** A run with its steps and its whole log. */
  record Detail(Run run, List<StepRecord> steps, List<RunEvent> events) {
    public Detail {
      Objects.requireNonNull(run, "run");
      steps = List.copyOf(steps);
      events = List.copyOf(events);
    }
  }
}
