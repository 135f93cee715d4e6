package dev.thingyan.bootstrap.config;

import dev.thingyan.ports.error.Reason;

import dev.thingyan.ports.error.ConfigurationException;

import java.util.List;

/**
 * The configuration was refused. One exception lists every problem found, each naming its key
 * path and the fix, so an admin corrects the file in one pass instead of one error per start.
 */
public class ConfigException extends ConfigurationException {
  private static final long serialVersionUID = 1L;

  private final transient List<String> problems;

  public ConfigException(String source, List<String> problems) {
    super("config_invalid", Reason.of("config.invalid", "source", source, "problems",
        List.copyOf(problems)), format(source, problems), null);
    this.problems = List.copyOf(problems);
  }

  /** @return each problem as {@code key.path: what is wrong; the fix}. */
  public List<String> problems() {
    return problems;
  }

  private static String format(String source, List<String> problems) {
    StringBuilder b = new StringBuilder(source).append(": ").append(problems.size())
        .append(problems.size() == 1 ? " problem" : " problems");
    problems.forEach(p -> b.append(System.lineSeparator()).append("  - ").append(p));
    return b.toString();
  }
}
