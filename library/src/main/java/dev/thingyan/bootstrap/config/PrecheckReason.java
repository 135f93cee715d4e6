package dev.thingyan.bootstrap.config;

/**
 * {@code prechecks.app[].reason}: why an app precheck holds the update back, written by the admin
 * in both languages the CLI speaks, so that a receptionist reading Burmese and an engineer reading
 * English both see the hotel's own words ("an open folio has a balance"), not a row count.
 *
 * @param my the reason in Burmese (Unicode Myanmar script)
 * @param en the reason in English
 */
public record PrecheckReason(String my, String en) {
  static final int MAX_CHARS = 300;

  public PrecheckReason {
    my = check(my, "my", "e.g. my: \"ငွေမရှင်းရသေးသော folio ရှိနေသည်\"");
    en = check(en, "en", "e.g. en: \"An open folio still has a balance\"");
    if (my.codePoints().noneMatch(PrecheckReason::myanmar)) {
      throw new IllegalArgumentException("prechecks.app.reason.my: '" + my
          + "' has no Burmese (Myanmar script) text; write the reason in Burmese");
    }
  }

  /** @return the reason in the given language. */
  public String in(Language language) {
    return language == Language.MY ? my : en;
  }

  private static String check(String text, String key, String example) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("prechecks.app.reason." + key
          + ": missing; give the reason in both languages, " + example);
    }
    String t = text.strip();
    if (t.length() > MAX_CHARS || t.contains("\n")) {
      throw new IllegalArgumentException("prechecks.app.reason." + key + ": must be one line of at most "
          + MAX_CHARS + " characters");
    }
    return t;
  }

  private static boolean myanmar(int codePoint) {
    return Character.UnicodeBlock.of(codePoint) == Character.UnicodeBlock.MYANMAR;
  }
}
