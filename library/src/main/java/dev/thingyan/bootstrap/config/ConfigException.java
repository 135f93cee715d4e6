package dev.thingyan.bootstrap.config;

import dev.thingyan.ports.error.Reason;

import dev.thingyan.ports.error.ConfigurationException;

import java.util.List;
import java.util.Optional;

/**
 * The configuration was refused. One exception lists every problem found, each naming its key
 * path and the fix, so an admin corrects the file in one pass instead of one error per start.
 */
public class ConfigException extends ConfigurationException {
  private static final long serialVersionUID = 1L;

  private final transient List<String> problems;
  private final transient Language language;

  public ConfigException(String source, List<String> problems) {
    this(source, problems, Optional.empty());
  }

  /** @param language the file's {@code ui.language} when it could be read, for the header */
  public ConfigException(String source, List<String> problems, Optional<Language> language) {
    super("config_invalid", Reason.of("config.invalid", "source", source, "problems",
        List.copyOf(problems)), format(source, problems), null);
    this.problems = List.copyOf(problems);
    this.language = language.orElse(null);
  }

  /**
   * @return the language the refused file asked for ({@code ui.language}), so that an operator
   *     who chose English reads the refusal's header in English too
   */
  public Optional<Language> language() {
    return Optional.ofNullable(language);
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
