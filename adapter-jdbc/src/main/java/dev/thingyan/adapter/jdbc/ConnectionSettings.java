package dev.thingyan.adapter.jdbc;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where a database is and how to log in. The password never appears in {@link #toString()}, and
 * {@link #redactedUrl()} hides one written into the URL (e.g. {@code ?password=...}).
 *
 * @param user may be empty (SQLite, H2 without a user)
 * @param password may be empty; never logged
 */
public record ConnectionSettings(String jdbcUrl, String user, String password) {

  // password=..., pwd=..., and user:secret@ in URLs of drivers that accept them
  private static final Pattern URL_SECRET =
      Pattern.compile("(?i)((?:password|pwd)=)[^&;]*|(//[^/:@]*:)[^@/]*@");

  public ConnectionSettings {
    Objects.requireNonNull(jdbcUrl, "jdbcUrl");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(password, "password");
    if (!jdbcUrl.startsWith("jdbc:")) {
      throw new IllegalArgumentException(
          "jdbcUrl must start with 'jdbc:', e.g. jdbc:postgresql://127.0.0.1:5432/pms; got "
              + redact(jdbcUrl));
    }
  }

  /**
   * @return the URL with any password in it replaced by {@code ***}, safe to log.
   */
  public String redactedUrl() {
    return redact(jdbcUrl);
  }

  /**
   * @return {@code text} with URL-embedded passwords replaced by {@code ***}.
   */
  public static String redact(String text) {
    return URL_SECRET
        .matcher(text)
        .replaceAll(m -> m.group(1) != null ? m.group(1) + "***" : m.group(2) + "***@");
  }

  @Override
  public String toString() {
    return "ConnectionSettings[jdbcUrl="
        + redactedUrl()
        + ", user="
        + user
        + ", password="
        + (password.isEmpty() ? "(none)" : "***")
        + "]";
  }
}
