package dev.thingyan.bootstrap.cli;

import dev.thingyan.bootstrap.config.Language;
import java.io.PrintWriter;
import java.util.List;

/**
 * Runs {@code thingyan demo}: supplied by the composition root, so that the CLI does not know how
 * the demo is built. It needs no configuration file.
 */
@FunctionalInterface
public interface DemoRunner {

  /**
   * @param args the words after {@code demo}, passed through unparsed
   * @return the exit code (see {@link ExitCodes})
   */
  int run(List<String> args, Language language, PrintWriter out, PrintWriter err);
}
