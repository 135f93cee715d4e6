package dev.thingyan.domain.report;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Phone numbers of any country, judged by libphonenumber's metadata rather than by our own
 * patterns: {@code 0066 81 234 5679} (Thailand, dialled from Myanmar), {@code 138 0013 8001}
 * (China, national form), {@code 9 791 234 570} (Myanmar without its trunk 0). A candidate is a
 * run of digits with the separators people write ({@code +}, {@code 00}, spaces, dots, dashes,
 * parentheses). It is a phone when it is valid: as an international number with {@code +} or
 * {@code 00}; else as a national mobile number of Myanmar or a country whose guests a Myanmar
 * hotel commonly receives. Only mobiles in national form: a fixed-line plan matches too many
 * ids, amounts and timestamps. Runs that are dates, times, IPv4 addresses or bare runs of 13 or
 * more digits (epoch milliseconds, order numbers) are never phones.
 *
 * <p>libphonenumber is a pure library (no I/O, no framework); the domain depends on it directly,
 * see docs/architecture.md.
 */
final class PhoneNumbers {
  private PhoneNumbers() {}

  private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
  private static final List<String> NATIONAL_REGIONS = List.of("MM", "TH", "CN", "IN", "SG",
      "MY", "VN", "KH", "LA", "BD", "JP", "KR", "ID", "PH", "HK", "TW");
  private static final Pattern CANDIDATE = Pattern.compile(
      "(?<![\\p{L}\\p{N}_.+/#@-])\\+?\\(?\\p{Nd}(?:[ .()\\-]{0,2}\\p{Nd}){7,16}"
          + "(?!-?[\\p{L}\\p{N}_])");
  /**
   * Candidates judged by the library per text. Past it (a megabyte of digits and spaces, built to
   * be slow) every further candidate of nine or more digits is taken for a phone: redaction fails
   * closed rather than slow.
   */
  static final int BUDGET = 2_000;
  private static final Pattern DATE_OR_ADDRESS = Pattern.compile(
      "\\p{Nd}{4}[-./]\\p{Nd}{1,2}[-./]\\p{Nd}{1,2}.*|.*\\p{Nd}{1,2}[-./]\\p{Nd}{1,2}[-./]"
          + "\\p{Nd}{4}|\\p{Nd}{1,3}(?:\\.\\p{Nd}{1,3}){3}.*");

  /** @return the text with every phone number replaced by {@code [phone]}. */
  static String redact(String text) {
    if (digits(text) < 8) {
      return text;
    }
    Matcher m = CANDIDATE.matcher(text);
    StringBuilder out = null;
    int done = 0;
    int judged = 0;
    while (m.find()) {
      boolean phone = judged++ < BUDGET ? isPhone(m.group()) : digits(m.group()) >= 9;
      if (phone) {
        out = out == null ? new StringBuilder(text.length()) : out;
        out.append(text, done, m.start()).append("[phone]");
        done = m.end();
      }
    }
    return out == null ? text : out.append(text, done, text.length()).toString();
  }

  static boolean isPhone(String candidate) {
    int digits = digits(candidate);
    if (digits < 8 || digits > 15 || DATE_OR_ADDRESS.matcher(candidate).matches()) {
      return false;
    }
    boolean separated = digits != candidate.length();
    if (candidate.indexOf('.') >= 0 && candidate.indexOf('.') == candidate.lastIndexOf('.')) {
      return false; // 150000.00: an amount, not 1500 0000
    }
    if (candidate.startsWith("+") || candidate.startsWith("00")) {
      return valid(candidate, "MM", false);
    }
    if (!separated && (digits >= 13 || !plausibleBare(candidate))) {
      return false;
    }
    for (String region : NATIONAL_REGIONS) {
      if (valid(candidate, region, true)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Bare digits are a phone only as a trunk-prefixed national number ({@code 0…}), a Myanmar or
   * Indian mobile ({@code 9…}), or a Chinese mobile ({@code 1[3-9]} and eleven digits): not epoch
   * seconds ({@code 1718000000}) or a byte count ({@code 134217728}).
   */
  private static boolean plausibleBare(String d) {
    char first = d.charAt(0);
    return first == '0' || first == '\u1040' || first == '9' || first == '\u1049'
        || d.length() == 11 && first == '1' && d.charAt(1) >= '3';
  }

  private static boolean valid(String candidate, String region, boolean mobileOnly) {
    try {
      PhoneNumber n = UTIL.parse(candidate, region);
      if (!UTIL.isValidNumber(n)) {
        return false;
      }
      if (!mobileOnly) {
        return true;
      }
      if (!UTIL.getRegionCodeForNumber(n).equals(region)) {
        return false;
      }
      PhoneNumberType type = UTIL.getNumberType(n);
      return type == PhoneNumberType.MOBILE || type == PhoneNumberType.FIXED_LINE_OR_MOBILE;
    } catch (NumberParseException e) {
      return false;
    }
  }

  private static int digits(String s) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      n += Character.isDigit(s.charAt(i)) ? 1 : 0;
    }
    return n;
  }
}
