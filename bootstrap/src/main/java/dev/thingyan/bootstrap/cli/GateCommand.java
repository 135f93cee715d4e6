package dev.thingyan.bootstrap.cli;

import dev.thingyan.ports.model.GateStatus;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code thingyan gate on|off [--reason TEXT]}: the maintenance gate by hand, through the same
 * flag and hooks the runs use (audited). {@code off} lowers it only when the app answers healthy
 * through it; otherwise it is refused (exit 3) and the gate stays up.
 */
@Command(name = "gate")
final class GateCommand implements Callable<Integer> {
  static final String DEFAULT_REASON = "requested from the CLI";

  @ParentCommand ThingyanCommand root;
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "on|off", descriptionKey = "arg.gate")
  String position;

  @Option(names = "--reason", paramLabel = "TEXT", descriptionKey = "opt.reason")
  String reason;

  @Override
  public Integer call() {
    String wanted = position.toLowerCase(Locale.ROOT);
    if (!wanted.equals("on") && !wanted.equals("off")) {
      throw new ParameterException(spec.commandLine(), "on|off: expected on or off, not '" + position + "'");
    }
    String why = reason == null || reason.isBlank() ? DEFAULT_REASON : reason;
    return Session.run(root, false, s -> {
      GateStatus gate = wanted.equals("on")
          ? s.system.switchGate().raise(root.actor(), why)
          : s.system.switchGate().lower(root.actor(), why);
      s.out.println(s.messages.get(gate.up() ? "gate.on" : "gate.off"));
      return ExitCodes.OK;
    });
  }
}
