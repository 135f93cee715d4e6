package dev.thingyan.bootstrap.cli;

import dev.thingyan.ports.model.Run;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code thingyan history [--limit N] [--json]}: runs, newest first. */
@Command(name = "history")
final class HistoryCommand implements Callable<Integer> {
  @ParentCommand ThingyanCommand root;
  @Spec CommandSpec spec;

  @Option(names = "--limit", paramLabel = "N", defaultValue = "20", descriptionKey = "opt.limit")
  int limit;

  @Option(names = "--json", descriptionKey = "opt.json")
  boolean json;

  @Override
  public Integer call() {
    if (limit < 1 || limit > 10_000) {
      throw new ParameterException(spec.commandLine(), "--limit: expected 1..10000, not " + limit);
    }
    return Session.run(root, false, s -> {
      List<Run> runs = s.system.queryRuns().history(limit);
      if (json) {
        s.out.println(Json.write(runs));
      } else if (runs.isEmpty()) {
        s.out.println(s.messages.get("history.none"));
      } else {
        runs.forEach(r -> s.out.println(s.views.run(r)));
      }
      return ExitCodes.OK;
    });
  }
}
