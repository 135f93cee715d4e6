package dev.thingyan.domain.report;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Multi-line and fixed-layout secrets and documents: PEM private keys (the body, between its
 * armour lines, or to the end of the text when the END line was cut off), a DER key body written
 * without armour ({@code MIIE…}), and machine-readable zones of passports and ID cards
 * ({@code P<MMRAUNG<<THIRI<<<…}, {@code MB9876543<0MMR9001014F…}).
 */
final class BlockRules {
  private BlockRules() {}

  private static final Pattern PEM_BEGIN =
      Pattern.compile("-----BEGIN [A-Z0-9 ]{0,40}PRIVATE KEY( BLOCK)?-----");
  private static final Pattern DER_BODY =
      Pattern.compile("(?<![A-Za-z0-9+/])MII[A-Za-z0-9+/]{60,8192}={0,2}");
  /** A run of MRZ characters holding a filler; judged as a whole by {@link #isMrz}. */
  private static final Pattern MRZ_RUN = Pattern.compile("(?<![A-Za-z0-9<])[A-Z0-9<]{10,60}"
      + "(?![a-z0-9])");

  static String redact(String text) {
    String out = text;
    if (out.contains("-----BEGIN")) {
      out = pem(out);
    }
    if (out.contains("MII")) {
      out = DER_BODY.matcher(out).replaceAll("[secret]");
    }
    if (out.indexOf('<') >= 0) {
      out = mrz(out);
    }
    return out;
  }

  private static String pem(String text) {
    Matcher m = PEM_BEGIN.matcher(text);
    StringBuilder out = new StringBuilder(text.length());
    int done = 0;
    while (m.find(done)) {
      int bodyEnd = text.indexOf("-----END", m.end());
      int end = bodyEnd < 0 ? text.length() : bodyEnd;
      out.append(text, done, m.end()).append("[secret]");
      done = end;
      if (bodyEnd < 0) {
        break;
      }
      int close = text.indexOf("-----", bodyEnd + 8);
      out.append(text, bodyEnd, close < 0 ? text.length() : close + 5);
      done = close < 0 ? text.length() : close + 5;
    }
    return out.append(text, done, text.length()).toString();
  }

  private static String mrz(String text) {
    Matcher m = MRZ_RUN.matcher(text);
    if (!m.find()) {
      return text;
    }
    m.reset();
    return m.replaceAll(r -> isMrz(r.group()) ? "[mrz]" : Matcher.quoteReplacement(r.group()));
  }

  /** A filler run, or a document line: the code and country ({@code P<MMR}) or a number. */
  static boolean isMrz(String run) {
    int fillers = 0;
    int letters = 0;
    for (int i = 0; i < run.length(); i++) {
      char c = run.charAt(i);
      fillers += c == '<' ? 1 : 0;
      letters += Character.isLetterOrDigit(c) ? 1 : 0;
    }
    return fillers >= 1 && letters >= 5
        && (run.contains("<<") || run.length() >= 20 || run.matches("[PIVAC][A-Z<][A-Z]{3}.*"));
  }
}
