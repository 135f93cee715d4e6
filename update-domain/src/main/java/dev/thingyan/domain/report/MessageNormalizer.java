package dev.thingyan.domain.report;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Reduces an error message to its shape for fingerprinting: whatever varies between two
 * occurrences of one bug (ids, numbers, uuids, paths, URLs, e-mails, quoted values, object hashes)
 * becomes a placeholder, so that {@code Room 412 not found} and {@code Room 17 not found} agree.
 */
final class MessageNormalizer {
  private static final int MAX_CHARS = 2_000;
  private static final List<Rule> RULES = List.of(
      Rule.replaceWith("url", "(?i)(?<![a-z0-9+.-])[a-z][a-z0-9+.-]{1,15}://[^\\s'\"<>]{1,2048}",
          "<url>"),
      PiiRules.EMAIL,
      Rule.replaceWith("uuid", "(?i)(?<![0-9a-f])[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}"
          + "-[0-9a-f]{12}(?![0-9a-f])", "<uuid>"),
      Rule.replaceWith("win-path", "(?<![A-Za-z])[A-Za-z]:\\\\[^\\s'\"]{1,1024}", "<path>"),
      Rule.replaceWith("unix-path", "(?<![\\w.])(?:/[\\w.@~+-]{1,255}){2,64}/?", "<path>"),
      Rule.replaceWith("single-quoted", "'[^'\\n]{1,512}'", "'<v>'"),
      Rule.replaceWith("double-quoted", "\"[^\"\\n]{1,512}\"", "\"<v>\""),
      Rule.replaceWith("hex", "(?i)(?<![0-9a-z])(?:0x)?(?=[a-f]{0,31}[0-9])[0-9a-f]{8,64}+"
          + "(?![0-9a-z])", "<hex>"),
      Rule.replaceWith("number", "\\p{Nd}++(?:[.,]\\p{Nd}++)*+", "<n>"),
      Rule.replaceWith("space", "\\s++", " "));

  private static final Pattern HEX = Pattern.compile("(?i)0x[0-9a-f]++");
  private static final Pattern DIGITS = Pattern.compile("\\d++");

  private MessageNormalizer() {}

  static String normalize(String message) {
    // what lies beyond twice the kept length can hardly reach the kept part once normalised, and
    // the rules are the cost of every report's fingerprint
    String out = message.length() > 2 * MAX_CHARS ? message.substring(0, 2 * MAX_CHARS) : message;
    for (Rule rule : RULES) {
      out = rule.apply(out);
    }
    out = out.strip();
    return out.length() > MAX_CHARS ? out.substring(0, MAX_CHARS) : out;
  }

  /** Masks the parts of a frame's function name that a compiler numbers ({@code lambda$run$0}). */
  static String function(String function) {
    return DIGITS.matcher(HEX.matcher(function).replaceAll("<hex>")).replaceAll("<n>");
  }
}
