package dev.thingyan.domain.policy;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Masks known secret values (tokens, passwords from the configuration) and bearer/basic
 * credentials in text before it reaches the journal: hook output can echo anything.
 */
public final class SecretMasker {

  private static final Pattern CREDENTIALS = Pattern.compile(
      "(?i)(authorization:\\s*(bearer|basic|token)\\s+)\\S+|(://[^/\\s:@]+:)[^@\\s/]+@");

  private volatile List<String> secrets;

  /** @param secrets values to mask; values shorter than 4 characters are ignored (too common) */
  public SecretMasker(Collection<String> secrets) {
    this.secrets = sorted(secrets.stream());
  }

  /**
   * Masks {@code secret} from now on too: a value made while running (the maintenance gate's
   * bypass secret), which no configuration names.
   */
  public synchronized void remember(String secret) {
    if (secret != null && !secrets.contains(secret)) {
      secrets = sorted(java.util.stream.Stream.concat(secrets.stream(), java.util.stream.Stream.of(secret)));
    }
  }

  private static List<String> sorted(java.util.stream.Stream<String> values) {
    return values
        .filter(s -> s != null && s.length() >= 4)
        .sorted(Comparator.comparingInt(String::length).reversed())
        .distinct()
        .toList();
  }

  /** @return the text with every secret replaced by {@code ***}. */
  public String mask(String text) {
    String out = text;
    for (String secret : secrets) {
      out = out.replace(secret, "***");
    }
    return CREDENTIALS.matcher(out).replaceAll(m -> m.group(1) != null
        ? java.util.regex.Matcher.quoteReplacement(m.group(1)) + "***"
        : java.util.regex.Matcher.quoteReplacement(m.group(3)) + "***@");
  }
}
