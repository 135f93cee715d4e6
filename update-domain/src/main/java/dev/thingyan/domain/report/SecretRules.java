package dev.thingyan.domain.report;

import java.util.List;

/** Credentials in free text: URLs, bearer tokens, JWTs, well-known token formats, key=value. */
final class SecretRules {
  private SecretRules() {}

  private static final String SECRET_KEYS = "(?:password|passwd|pwd|passphrase|secret|token"
      + "|api[_-]?key|access[_-]?key|private[_-]?key|authorization|auth|cookie|set-cookie"
      + "|session(?:[_-]?id)?|credentials?|client[_-]?secret)"
      + "(?:[_-]?(?:hash|digest|confirmation|enc|encrypted|plain|value|id))?";

  private static final String PII_QUERY_KEYS = "(?:e-?mail|phone|mobile|tel|name|guest_?name"
      + "|first_?name|last_?name|nrc|passport|dob|address|card(?:_?number)?)";

  /** Our own replacement tokens: a second rule must not take them for a value. */
  private static final String OWN_TOKEN = "\\[(?:secret|token|redacted|value)\\]";

  static final List<Rule> RULES = List.of(
      Rule.keepPrefix("url-userinfo",
          "(?i)(?<![a-z0-9+.-])([a-z][a-z0-9+.-]{0,15}://)[^\\s/@:]{1,256}:[^\\s/@]{1,256}@",
          "[secret]@").when("://"),
      Rule.keepPrefix("url-query-secret",
          "(?i)([?&;](?:" + SECRET_KEYS + "|sig|signature|key|code|otp)=)(?!" + OWN_TOKEN + ")"
              + "[^&#\\s\"'<>]{1,4096}", "[secret]").when("="),
      Rule.keepPrefix("url-query-pii",
          "(?i)([?&;]" + PII_QUERY_KEYS + "=)[^&#\\s\"'<>]{1,4096}", "[redacted]").when("="),
      Rule.keepPrefix("key-value-secret",
          "(?i)(?<![a-z0-9])([a-z0-9]{0,32}?" + SECRET_KEYS + "[\"']?\\s{0,4}[:=]\\s{0,4})"
              + "(?!" + OWN_TOKEN + ")"
              + "(?:\"[^\"\\n]{1,1024}\"|'[^'\\n]{1,1024}'"
              + "|(?:(?:bearer|basic|token)\\s{1,4})?[^\\s\"',;&)}\\]]{1,1024})",
          "[secret]").when(":", "="),
      Rule.keepPrefix("bearer", "(?i)(?<![a-z0-9])(bearer\\s{1,4})[A-Za-z0-9._~+/=-]{8,4096}",
          "[token]").when("bearer"),
      Rule.replaceWith("jwt",
          "(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{4,4096}\\.[A-Za-z0-9_-]{4,4096}"
              + "\\.[A-Za-z0-9_-]{0,4096}",
          "[token]").when("eyj"),
      Rule.replaceWith("known-token", "(?<![A-Za-z0-9_])(?:gh[pousr]_[A-Za-z0-9]{30,255}"
          + "|github_pat_[A-Za-z0-9_]{30,255}|AKIA[0-9A-Z]{16}"
          + "|sk_(?:live|test)_[A-Za-z0-9]{16,255}"
          + "|xox[abpr]-[A-Za-z0-9-]{10,255})(?![A-Za-z0-9_])", "[token]")
          .when("gh", "github_pat_", "akia", "sk_", "xox"));
}
