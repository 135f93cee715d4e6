package dev.thingyan.domain.report;

import java.util.Locale;
import java.util.Set;

/**
 * A {@code Cookie} or {@code Set-Cookie} header's value: every cookie's value goes (a session id
 * has no shape, and any cookie may carry one), its name and the attributes of a Set-Cookie stay,
 * so a developer still sees which cookies came and how they were set.
 */
final class Cookies {
  private Cookies() {}

  private static final Set<String> ATTRIBUTES = Set.of("path", "domain", "expires", "max-age",
      "samesite", "secure", "httponly", "partitioned", "priority");

  static String redact(String header) {
    StringBuilder out = new StringBuilder(header.length());
    String[] parts = header.split(";", -1);
    for (int p = 0; p < parts.length; p++) {
      String part = parts[p];
      int eq = part.indexOf('=');
      String name = (eq < 0 ? part : part.substring(0, eq)).strip().toLowerCase(Locale.ROOT);
      if (p > 0) {
        out.append(';');
      }
      if (eq < 0 || ATTRIBUTES.contains(name) || part.substring(eq + 1).isBlank()) {
        out.append(part);
      } else {
        out.append(part, 0, eq + 1).append("[secret]");
      }
    }
    return out.toString();
  }
}
