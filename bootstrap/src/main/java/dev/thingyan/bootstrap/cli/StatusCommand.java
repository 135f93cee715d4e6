package dev.thingyan.bootstrap.cli;

import dev.thingyan.ports.in.QueryRuns;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code thingyan status [--json]}: the current release, the active, blocking and last runs. */
@Command(name = "status")
final class StatusCommand implements Callable<Integer> {
  @ParentCommand ThingyanCommand root;

  @Option(names = "--json", descriptionKey = "opt.json")
  boolean json;

  @Override
  public Integer call() {
    return Session.run(root, false, s -> {
      QueryRuns.Status status = s.system.queryRuns().status();
      if (json) {
        s.out.println(Json.write(status));
        return ExitCodes.OK;
      }
      Messages m = s.messages;
      s.out.println(m.get("status.current", s.views.release(status.current())));
      s.out.println(status.active().map(r -> m.get("status.active", s.views.run(r)))
          .orElse(m.get("status.no_active")));
      status.blocking().ifPresent(r -> s.out.println(m.get("status.blocking", r.id())));
      status.notOffered().forEach(f -> s.out.println(s.views.notOffered(f)));
      status.last().ifPresent(r -> s.out.println(m.get("status.last", s.views.run(r))));
      status.last().flatMap(r -> r.reason())
          .ifPresent(reason -> s.out.println("  " + m.get("run.reason", root.mask(reason))));
      status.last().ifPresent(r -> s.views.appPrecheckReasons(r).forEach(l -> s.out.println("  " + l)));
      status.last().flatMap(r -> s.system.queryRuns().run(r.id()))
          .flatMap(d -> s.views.preview(d.steps())).ifPresent(l -> s.out.println("  " + root.mask(l)));
      s.out.println(m.get(status.maintenance() ? "status.maintenance_on" : "status.maintenance_off"));
      status.gate().reason().ifPresent(r -> s.out.println("  " + m.get("status.gate_reason", root.mask(r))));
      if (status.gate().appGateWithoutFlag()) {
        s.out.println(m.get("status.app_gate_without_flag"));
      }
      return ExitCodes.OK;
    });
  }
}
