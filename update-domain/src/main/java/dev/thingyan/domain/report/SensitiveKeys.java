package dev.thingyan.domain.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Decides whether a context key names a secret or personal value, whatever its spelling:
 * {@code guestPhone}, {@code guest_phone}, {@code Guest-Phone} and {@code GUEST.PHONE} are one key.
 * Long words match anywhere in the key ({@code dbPasswordHash}); short, ambiguous ones only as a
 * whole word of it ({@code nrc}, {@code dob}, {@code card}); a few generic ones only as the whole
 * key ({@code name}, {@code guest}), so that {@code guest_id} or {@code route_name} stay readable.
 */
public final class SensitiveKeys {
  private static final List<String> ANYWHERE = List.of("password", "passwd", "passphrase",
      "secret", "token", "authorization", "apikey", "accesskey", "privatekey", "credential",
      "cookie", "sessionid", "phone", "mobile", "email", "passport", "nationalid", "guestname",
      "firstname", "lastname", "fullname", "middlename", "surname", "address", "birth",
      "cardnumber", "creditcard", "debitcard", "iban", "accountnumber", "bankaccount");
  private static final Set<String> WORDS = Set.of("nrc", "dob", "card", "pan", "pin", "ssn",
      "otp", "cvv", "cvc", "tel", "auth", "pwd", "jwt", "sid", "bearer");
  private static final Set<String> WHOLE = Set.of("name", "guest", "guests", "customer",
      "contact", "nid");

  private SensitiveKeys() {}

  /** @return true when the value under this key must not leave the server. */
  public static boolean isSensitive(String key) {
    // plain loops, no streams: this runs for every key of every report's context
    List<String> words = words(key);
    String joined = words.size() == 1 ? words.get(0) : String.join("", words);
    if (WHOLE.contains(joined)) {
      return true;
    }
    for (String word : words) {
      if (WORDS.contains(word)) {
        return true;
      }
    }
    for (String word : ANYWHERE) {
      if (joined.contains(word)) {
        return true;
      }
    }
    return false;
  }

  /** Splits on anything not a letter or digit and on lower-to-upper case changes. */
  static List<String> words(String key) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      boolean boundary = !Character.isLetterOrDigit(c)
          || (Character.isUpperCase(c) && i > 0 && Character.isLowerCase(key.charAt(i - 1)));
      if (boundary && word.length() > 0) {
        words.add(word.toString().toLowerCase(Locale.ROOT));
        word.setLength(0);
      }
      if (Character.isLetterOrDigit(c)) {
        word.append(c);
      }
    }
    if (word.length() > 0) {
      words.add(word.toString().toLowerCase(Locale.ROOT));
    }
    return words;
  }
}
