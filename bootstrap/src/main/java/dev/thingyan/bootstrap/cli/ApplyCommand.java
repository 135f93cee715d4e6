package dev.thingyan.bootstrap.cli;

import dev.thingyan.ports.in.UpdateRequest;
import dev.thingyan.ports.model.Run;
import dev.thingyan.ports.model.RunOptions;
import dev.thingyan.ports.model.RunState;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code thingyan apply [VERSION]}: runs an update to its end, printing it live. Exit 0 only when
 * it completed; 1 when it stopped, rolled back or waits for an admin.
 */
@Command(name = "apply")
final class ApplyCommand implements Callable<Integer> {
  @ParentCommand ThingyanCommand root;

  @Parameters(arity = "0..1", paramLabel = "VERSION", descriptionKey = "arg.version")
  String version;

  @Option(names = "--allow-downgrade", descriptionKey = "opt.allow_downgrade")
  boolean allowDowngrade;

  @Option(names = "--pre", descriptionKey = "opt.pre")
  boolean pre;

  @Override
  public Integer call() {
    return Session.run(root, true, s -> {
      s.out.println(s.messages.get("apply.requested",
          version != null ? version : s.messages.get("value.newest")));
      Run run = s.system.applyUpdate().apply(new UpdateRequest(root.actor(),
          Optional.ofNullable(version), new RunOptions(allowDowngrade, pre)));
      s.ended(run);
      return run.state() == RunState.COMPLETED ? ExitCodes.OK : ExitCodes.FAILED;
    });
  }
}
