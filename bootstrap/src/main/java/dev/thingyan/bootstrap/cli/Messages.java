package dev.thingyan.bootstrap.cli;

import dev.thingyan.bootstrap.config.Language;
import dev.thingyan.ports.model.RunState;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The CLI's user-facing text, from {@code messages_my.properties} (Burmese, Unicode) or
 * {@code messages_en.properties}. Properties files are read as UTF-8 (Java 9+).
 */
public final class Messages {
  static final String BUNDLE = "dev.thingyan.bootstrap.cli.messages";

  private final Language language;
  private final ResourceBundle bundle;

  private Messages(Language language, ResourceBundle bundle) {
    this.language = language;
    this.bundle = bundle;
  }

  public static Messages of(Language language) {
    // no fallback: a Burmese server must not silently get the JVM's default locale's bundle
    return new Messages(language, ResourceBundle.getBundle(BUNDLE, language.locale(),
        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)));
  }

  public Language language() {
    return language;
  }

  public ResourceBundle bundle() {
    return bundle;
  }

  /** @return the text for {@code key} with {@code {0}}… filled in (ASCII digits in both languages). */
  public String get(String key, Object... args) {
    String pattern = bundle.getString(key);
    return args.length == 0 ? pattern : new MessageFormat(pattern, Locale.ROOT).format(args);
  }

  /** @return e.g. {@code completed · ပြီးဆုံး} in Burmese, {@code completed} in English. */
  public String state(RunState state) {
    String label = bundle.getString("state." + state.wireName());
    return label.equals(state.wireName()) ? label : state.wireName() + " · " + label;
  }
}
