package dev.thingyan.domain.run;

import dev.thingyan.domain.policy.FailedReleases;
import dev.thingyan.ports.in.QueryRuns;
import dev.thingyan.ports.model.FailedRelease;
import dev.thingyan.ports.model.InstalledRelease;
import dev.thingyan.ports.model.Run;
import dev.thingyan.ports.model.RunId;
import java.util.List;
import java.util.Optional;

/** Read-only views of the journal and the workspace. */
final class RunQueries implements QueryRuns {

  private static final int MAX_EVENTS = 100_000;
  private final CorePorts ports;
  private final GateKeeper gate;

  RunQueries(CorePorts ports, GateKeeper gate) {
    this.ports = ports;
    this.gate = gate;
  }

  @Override
  public Status status() {
    List<Run> last = ports.journal().history(1);
    var g = gate.status();
    Optional<InstalledRelease> current = ports.workspace().current();
    List<FailedRelease> failed = FailedReleases.of(ports.journal().stagedUpdates(), ports.journal()::steps);
    List<FailedRelease> notOffered = FailedReleases.newerThan(failed, current.flatMap(InstalledRelease::version));
    return new Status(current, ports.journal().findUnfinished(),
        ports.journal().findBlocking(), last.stream().findFirst(), g.up(), g, notOffered);
  }

  @Override
  public List<Run> history(int limit) {
    return ports.journal().history(limit);
  }

  @Override
  public Optional<Detail> run(RunId id) {
    return ports.journal().find(id).map(r -> new Detail(r, ports.journal().steps(id),
        ports.journal().events(id, 0, MAX_EVENTS)));
  }
}
