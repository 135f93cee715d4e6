package dev.thingyan.bootstrap.cli;

import dev.thingyan.bootstrap.config.ConfigException;
import dev.thingyan.ports.error.ConfigurationException;
import dev.thingyan.ports.in.GateRefusedException;
import dev.thingyan.ports.in.RunRefusedException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Maps what a command threw to an exit code and a reason on stderr, in the chosen language: a
 * refused configuration is a usage error (2), a refused run 3, anything else 4.
 */
final class ErrorHandler implements IExecutionExceptionHandler {
  private final ThingyanCommand root;

  ErrorHandler(ThingyanCommand root) {
    this.root = root;
  }

  @Override
  public int handleExecutionException(Exception e, CommandLine cl, ParseResult parsed) {
    Messages m = root.messages();
    if (e instanceof ConfigException c) {
      // the file could not be loaded, yet its ui.language (or --lang) still chooses the language
      Messages header = root.lang != null ? m : c.language().map(Messages::of).orElse(m);
      root.env.err().println(header.get("error.config", root.configPath().toAbsolutePath()));
      c.problems().forEach(p -> root.env.err().println("  - " + p));
      return ExitCodes.USAGE;
    }
    if (e instanceof ConfigurationException c) {
      // a configuration the wiring refused (a driver the class path lacks, an app user that does not exist)
      root.env.err().println(m.get("error.config", root.configPath().toAbsolutePath()));
      root.env.err().println("  - " + root.mask(c.getMessage()));
      return ExitCodes.USAGE;
    }
    if (e instanceof GateRefusedException g) {
      root.env.err().println(m.get("error.gate_unhealthy", root.mask(g.detail())));
      return ExitCodes.REFUSED;
    }
    if (e instanceof RunRefusedException) {
      root.env.err().println(m.get("error.refused", root.mask(e.getMessage())));
      return ExitCodes.REFUSED;
    }
    root.env.err().println(m.get("error.unexpected", e.getClass().getName(), root.mask(e.getMessage())));
    return ExitCodes.UNEXPECTED;
  }
}
