package dev.thingyan.domain.report;

import java.util.List;

/**
 * Credentials in free text by shape: URLs, bearer tokens, JWTs, well-known token formats
 * ({@code key=value} pairs are {@link KeyValueText}'s). Each
 * rule's {@link Starts} is derived from its pattern and written under it.
 */
final class SecretRules {
  private SecretRules() {}

  private static final String SECRET_KEYS = "(?:password|passwd|pwd|passphrase|secret|token"
      + "|api[_-]?key|access[_-]?key|private[_-]?key|authorization|auth|cookie|set-cookie"
      + "|session(?:[_-]?id)?|credentials?|client[_-]?secret)"
      + "(?:[_-]?(?:hash|digest|confirmation|enc|encrypted|plain|value|id))?";
  /** Longer than any SECRET_KEYS word with its suffix ({@code client_secret_confirmation}: 26). */
  private static final int MAX_KEY = 32;

  private static final String PII_QUERY_KEYS = "(?:e-?mail|phone|mobile|tel|name|guest_?name"
      + "|first_?name|last_?name|nrc|passport|dob|address|card(?:_?number)?)";

  /** The {@code \\s} characters. */
  static final String SPACES = " \t\n\u000B\f\r";

  /** Our own replacement tokens: a second rule must not take them for a value. */
  private static final String OWN_TOKEN = "\\[(?:secret|token|redacted|value)\\]";

  static final List<Rule> RULES = List.of(
      Rule.keepPrefix("url-userinfo",
          "(?i)(?<![a-z0-9+.-])([a-z][a-z0-9+.-]{0,15}://)[^\\s/@:]{1,256}:[^\\s/@]{1,256}@",
          "[secret]@")
          // a scheme of 1-16 characters before "://", and user:password@ after it
          .startingAt(Starts.near("://", false, (s, at, out) -> {
            if (userInfoFollows(s, at + 3)) {
              out.add(at - 16, at);
            }
          }).ifAll("@")),
      Rule.keepPrefix("url-query-secret",
          "(?i)([?&;](?:" + SECRET_KEYS + "|sig|signature|key|code|otp)=)(?!" + OWN_TOKEN + ")"
              + "[^&#\\s\"'<>]{1,4096}", "[secret]")
          .startingAt(Starts.near("=", false, SecretRules::queryKey).ifAny("?&;")),
      Rule.keepPrefix("url-query-pii",
          "(?i)([?&;]" + PII_QUERY_KEYS + "=)[^&#\\s\"'<>]{1,4096}", "[redacted]")
          .startingAt(Starts.near("=", false, SecretRules::queryKey).ifAny("?&;")),
      Rule.keepPrefix("bearer", "(?i)(?<![a-z0-9])(bearer\\s{1,4})[A-Za-z0-9._~+/=-]{8,4096}",
          "[token]").startingAt(Starts.atFolded("bearer", (s, at) -> true).ifAny(SPACES)),
      Rule.replaceWith("jwt",
          "(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{4,4096}\\.[A-Za-z0-9_-]{4,4096}"
              + "\\.[A-Za-z0-9_-]{0,4096}",
          "[token]").startingAt(Starts.at("eyJ", (s, at) -> true).ifAll(".")),
      Rule.replaceWith("known-token", "(?<![A-Za-z0-9_])(?:gh[pousr]_[A-Za-z0-9]{30,255}"
          + "|github_pat_[A-Za-z0-9_]{30,255}|AKIA[0-9A-Z]{16}"
          + "|sk_(?:live|test)_[A-Za-z0-9]{16,255}"
          + "|xox[abpr]-[A-Za-z0-9-]{10,255})(?![A-Za-z0-9_])", "[token]")
          .startingAt(Starts.at("gh", (s, at) -> at + 3 < s.length()
                  && "pousr".indexOf(s.charAt(at + 2)) >= 0 && s.charAt(at + 3) == '_')
              .or(Starts.at("github_pat_", (s, at) -> true))
              .or(Starts.at("AKIA", (s, at) -> true))
              .or(Starts.at("sk_", (s, at) -> true))
              .or(Starts.at("xox", (s, at) -> true))));

  /** After {@code ://}: {@code user:password@} before any space or slash. */
  private static boolean userInfoFollows(String s, int from) {
    boolean colon = false;
    for (int i = from; i < s.length() && i <= from + 514; i++) {
      char c = s.charAt(i);
      if (c == '@') {
        return colon;
      }
      if (c == '/' || ScannedText.isSpace(c)) {
        return false;
      }
      colon |= c == ':' && i > from;
    }
    return false;
  }

  /** At {@code =}: a key of letters, '_' and '-' right after one of {@code ?&;} starts a match. */
  private static void queryKey(String s, int at, StartRanges out) {
    int i = at - 1;
    while (i >= 0 && at - i <= MAX_KEY && isKeyChar(s.charAt(i))) {
      i--;
    }
    if (i >= 0 && i < at - 1 && "?&;".indexOf(s.charAt(i)) >= 0) {
      out.add(i, i + 1);
    }
  }

  private static boolean isKeyChar(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c == '-';
  }

}
