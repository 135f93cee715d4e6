package dev.thingyan.bootstrap.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** {@code ui.language}: Burmese (Unicode Myanmar script) by default, or English. */
public enum Language {
  MY,
  EN;

  /** @return {@code my} or {@code en}. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  public Locale locale() {
    return Locale.forLanguageTag(key());
  }

  /** @return the language spelled {@code my} or {@code en} (any case). */
  public static Optional<Language> fromKey(String key) {
    return Arrays.stream(values()).filter(l -> l.key().equalsIgnoreCase(key.trim())).findFirst();
  }
}
