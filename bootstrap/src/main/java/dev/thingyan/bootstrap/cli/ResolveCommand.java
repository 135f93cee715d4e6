package dev.thingyan.bootstrap.cli;

import dev.thingyan.ports.model.Run;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code thingyan resolve --reason TEXT [--keep-gate]}: clears the block a failed rollback put on updates (audited). */
@Command(name = "resolve")
final class ResolveCommand implements Callable<Integer> {
  @ParentCommand ThingyanCommand root;
  @Spec CommandSpec spec;

  @Option(names = "--reason", paramLabel = "TEXT", required = true, descriptionKey = "opt.resolve_reason")
  String reason;

  @Option(names = "--keep-gate", descriptionKey = "opt.keep_gate")
  boolean keepGate;

  @Override
  public Integer call() {
    if (reason.isBlank()) {
      throw new ParameterException(spec.commandLine(), "--reason: say what was repaired");
    }
    return Session.run(root, false, s -> {
      Run run = s.system.resolveBlock().resolve(root.actor(), reason, keepGate);
      s.out.println(s.messages.get("resolve.done", run.id()));
      if (keepGate) s.out.println(s.messages.get("resolve.gate_kept"));
      return ExitCodes.OK;
    });
  }
}
