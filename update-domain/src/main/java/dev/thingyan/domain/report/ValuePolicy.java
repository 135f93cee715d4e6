package dev.thingyan.domain.report;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Whether a value may stay under a key of some {@link KeyKind}. Values that carry no datum stay
 * whatever the key: empty, {@code null}, booleans, placeholders ({@code ?}, {@code :name}), a mask
 * ({@code ****}) or one of our own tokens. Under a secret key a word from a closed list of states
 * and guard names stays ({@code session: expired}, {@code auth: failed}, {@code auth:sanctum}):
 * a list, not a shape, because a real password can be any lower-case word. Under a technical key
 * a number, a version or one lower-case word stays ({@code email_queue_depth: 12}).
 */
final class ValuePolicy {
  private ValuePolicy() {}

  private static final Set<String> NO_DATUM = Set.of("", "null", "nil", "none", "undefined",
      "true", "false", "?", "[]", "{}", "n/a", "na", "-");
  private static final Set<String> HARMLESS_STATES = Set.of("failed", "failure", "expired",
      "invalid", "missing", "required", "denied", "ok", "empty", "unknown", "pending", "success",
      "succeeded", "error", "timeout", "revoked", "refreshed", "mismatch", "locked", "disabled",
      "enabled", "active", "inactive", "yes", "no", "on", "off", "sanctum", "api", "web",
      "basic", "session", "token", "jwt", "passport", "bearer", "guest", "admin", "staff",
      "cookie", "header", "redis", "database", "file", "array", "memcached", "dynamodb", "lax",
      "strict", "secure", "httponly", "unauthenticated", "unauthorized", "forbidden", "started",
      "regenerated", "invalidated", "flushed", "set", "unset", "present", "absent", "hidden",
      "masked", "redacted", "omitted", "rotated", "valid", "verified", "unverified", "sent",
      "blocked", "throttled", "mfa", "totp", "sms", "oauth", "saml", "ldap", "local");
  private static final Pattern OWN_TOKEN = Pattern.compile("\\[(?:secret|token|redacted|value"
      + "|values|email|phone|nrc|passport|card|name|mrz|id)\\](?:#\\d+)?");
  private static final Pattern PLACEHOLDER = Pattern.compile("[:$@][A-Za-z0-9_]{1,32}|\\$\\d+");
  private static final Pattern MASK = Pattern.compile("[*xX•.]{3,64}");
  private static final Pattern NUMBER = Pattern.compile("-?\\d{1,15}(?:\\.\\d{1,9})?"
      + "(?:[eE][+-]?\\d{1,3})?(?:ms|s|m|h|d|kb|mb|gb)?");
  private static final Pattern VERSION = Pattern.compile("v?\\d{1,6}(?:\\.\\d{1,6}){1,3}"
      + "(?:[-+][0-9A-Za-z.-]{1,32})?");
  private static final Pattern WORD = Pattern.compile("[a-z][a-z_-]{0,23}");
  private static final Pattern DATE_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}"
      + "(?:[ T]\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d{1,9})?)?(?:Z|[+-]\\d{2}:?\\d{2})?)?");
  /** A translation or config key ({@code validation.required}): names a message, not a person. */
  private static final Pattern DOTTED_KEY = Pattern.compile("[a-z_]{2,32}(?:\\.[a-z_]{2,32}){1,4}");
  /** A sentence of four or more words ending in a full stop: a message about the datum. */
  private static final Pattern SENTENCE = Pattern.compile("[A-Z][^.!?]{0,300}(?: [^ .!?]{1,40}){3,}[.!?]");

  /** @return true when the value may stay under a key of that kind. */
  static boolean keep(KeyKind kind, String value) {
    String v = strip(value);
    String lower = v.toLowerCase(Locale.ROOT);
    if (NO_DATUM.contains(lower) || OWN_TOKEN.matcher(v).matches()
        || PLACEHOLDER.matcher(v).matches() || MASK.matcher(v).matches()
        || DOTTED_KEY.matcher(v).matches() || messages(value.strip())) {
      return true;
    }
    return switch (kind) {
      case PLAIN -> true;
      case SECRET -> HARMLESS_STATES.contains(v);
      case PERSONAL -> false;
      case TECHNICAL -> NUMBER.matcher(v).matches() || VERSION.matcher(v).matches()
          || WORD.matcher(v).matches() || DATE_TIME.matcher(v).matches();
    };
  }

  /** A list of validation messages ({@code "The email has already been taken."}), quoted. */
  private static boolean messages(String v) {
    if (!v.startsWith("\"") || !v.endsWith("\"")) {
      return SENTENCE.matcher(v).matches();
    }
    for (String item : v.split("\",\\s{0,2}\"")) {
      if (!SENTENCE.matcher(item.replace("\"", "")).matches()) {
        return false;
      }
    }
    return true;
  }

  private static String strip(String value) {
    String v = value.strip();
    if (v.length() >= 2 && (v.charAt(0) == '"' || v.charAt(0) == '\'')
        && v.charAt(v.length() - 1) == v.charAt(0)) {
      v = v.substring(1, v.length() - 1).strip();
    }
    return v;
  }

  /** @return what a value under that kind of key becomes when it cannot stay. */
  static String token(KeyKind kind) {
    return kind == KeyKind.SECRET ? "[secret]" : "[redacted]";
  }
}
