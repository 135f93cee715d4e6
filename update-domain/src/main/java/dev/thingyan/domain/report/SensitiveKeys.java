package dev.thingyan.domain.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Whether a context key names a secret or personal value, whatever its spelling
 * ({@link KeyVocabulary} decides), and the key's words: {@code guestPhone}, {@code guest_phone},
 * {@code Guest-Phone} and {@code GUEST.PHONE} are one key.
 */
public final class SensitiveKeys {
  private SensitiveKeys() {}

  /** @return true when the value under this key must not leave the server. */
  public static boolean isSensitive(String key) {
    KeyKind kind = KeyVocabulary.classify(key);
    return kind == KeyKind.SECRET || kind == KeyKind.PERSONAL;
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
