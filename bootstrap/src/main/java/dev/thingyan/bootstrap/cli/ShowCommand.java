package dev.thingyan.bootstrap.cli;

import dev.thingyan.ports.in.QueryRuns;
import dev.thingyan.ports.model.RunId;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code thingyan show RUN_ID [--json]}: one run with its steps and its whole log. */
@Command(name = "show")
final class ShowCommand implements Callable<Integer> {
  @ParentCommand ThingyanCommand root;

  @Parameters(paramLabel = "RUN_ID", descriptionKey = "arg.run_id")
  String runId;

  @Option(names = "--json", descriptionKey = "opt.json")
  boolean json;

  @Override
  public Integer call() {
    return Session.run(root, false, s -> {
      Optional<QueryRuns.Detail> detail = runId(runId).flatMap(id -> s.system.queryRuns().run(id));
      if (detail.isEmpty()) {
        // a wrong id is a wrong command line, not a failure of the system
        root.env.err().println(s.messages.get("error.no_such_run", runId));
        return ExitCodes.USAGE;
      }
      if (json) {
        s.out.println(Json.write(detail.get()));
        return ExitCodes.OK;
      }
      print(s, detail.get());
      return ExitCodes.OK;
    });
  }

  private static Optional<RunId> runId(String text) {
    try {
      return Optional.of(new RunId(text));
    } catch (IllegalArgumentException | NullPointerException notAnId) {
      return Optional.empty();
    }
  }

  private void print(Session s, QueryRuns.Detail d) {
    s.out.println(s.views.run(d.run()));
    d.run().reason().ifPresent(r -> s.out.println(s.messages.get("run.reason", root.mask(r))));
    s.views.appPrecheckReasons(d.run()).forEach(s.out::println);
    s.views.preview(d.steps()).ifPresent(l -> s.out.println(root.mask(l)));
    s.out.println(s.messages.get("show.steps"));
    d.steps().forEach(step -> s.out.println("  " + s.views.step(step)));
    s.out.println(s.messages.get("show.log"));
    d.events().forEach(e -> s.out.println("  " + s.views.time(e.at()) + "  " + e.state().wireName()
        + e.step().map(step -> "  [" + step + "]").orElse("") + "  " + e.message()));
  }
}
