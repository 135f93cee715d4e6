package dev.thingyan.domain.report;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Guest data recognisable by its shape: e-mail addresses, Myanmar NRC numbers (Latin and Burmese
 * script), passports, payment cards and phone numbers (Myanmar in every common form, Latin or
 * Burmese digits, and international numbers written with {@code +}).
 */
final class PiiRules {
  private PiiRules() {}

  /** A decimal digit, Latin or Burmese (U+1040–U+1049). */
  static final String D = "[0-9\\u1040-\\u1049]";
  private static final String NOT_D_BEHIND = "(?<![0-9\\u1040-\\u1049])";
  private static final String NOT_D_AHEAD = "(?![0-9\\u1040-\\u1049])";
  /**
   * Not the last group of a UUID or another dashed hex id ({@code …-3333-444444444444}). Only
   * behind: a guard ahead would let {@code 09123456789-ext} through.
   */
  private static final String NOT_IN_HEX_ID = "(?<![0-9A-Fa-f]{4}-)";
  /** Latin letters and Burmese letters and marks, not Burmese digits or punctuation. */
  private static final String NRC_LETTER = "[A-Za-z\\u1000-\\u103F\\u1050-\\u109F]";

  static final Rule EMAIL = Rule.replaceWith("email",
      "(?<![\\p{L}\\p{N}._%+-])[\\p{L}\\p{N}._%+-]{1,64}+@(?:[\\p{L}\\p{N}-]{1,63}+\\.){1,8}"
          + "\\p{L}{2,24}+(?![\\p{L}\\p{N}-])", "[email]")
      .startingAt(Starts.near("@", false, PiiRules::localPart));

  /**
   * Every written form: {@code 12/OUKAMA(N)123456}, {@code 12/OUKAMA/N/765432},
   * {@code 12/OUKAMA N 765432}, {@code 12-OUKAMA-N-765432}, {@code 12 / OuKaMa (Naing) 123 456},
   * {@code ၁၂/ဥကမ(နိုင်)၁၂၃၄၅၆}: a state number, a township code, the citizenship letter in
   * brackets, between slashes or dashes, or bare, then six digits (a space may split them) and no
   * letter or digit after them: a UUID's {@code …-bb794183e5d6} is no NRC.
   */
  static final Rule NRC = Rule.replaceWith("nrc", NOT_D_BEHIND + D + "{1,2}\\s{0,2}[/／-]\\s{0,2}"
      + NRC_LETTER + "{2,16}\\s{0,2}(?:[(（]\\s{0,2}" + NRC_LETTER + "{1,10}\\.?\\s{0,2}[)）]"
      + "|[/-]\\s{0,2}" + NRC_LETTER + "{1,10}\\.?\\s{0,2}[/-]?|" + NRC_LETTER + "{1,10}\\.?)?"
      + "\\s{0,2}" + D + "{3}[ -]?" + D + "{3}(?![0-9\\u1040-\\u1049A-Za-z])", "[nrc]")
      // 1-2 digits and up to 2 spaces before the first separator; 1 + 6 digits in all
      .startingAt(Starts.near("/", false, (s, at, out) -> out.add(at - 4, at))
          .or(Starts.near("／", false, (s, at, out) -> out.add(at - 4, at)))
          .or(Starts.near("-", false, (s, at, out) -> out.add(at - 4, at))).ifDigits(7));

  static final Rule PASSPORT_MM = Rule.replaceWith("passport",
      "(?<![A-Za-z0-9])M[A-Z]?[0-9]{6,7}(?![A-Za-z0-9])", "[passport]")
      .startingAt(Starts.at("M", (s, at) -> latinDigitAt(s, at + 1)
          || at + 2 < s.length() && s.charAt(at + 1) >= 'A' && s.charAt(at + 1) <= 'Z'
          && latinDigitAt(s, at + 2)).ifDigits(6));

  static final Rule PASSPORT_LABELLED = Rule.keepPrefix("passport-labelled",
      "(?i)((?:passport|ပတ်စ်ပို့|ပတ်စပို့)(?:\\s{0,2}(?:no\\.?|number|num|#|id))?"
          + "\\s{0,4}[:=#]?\\s{0,4})"
          + "(?=[a-z]{0,3}[0-9])[a-z0-9]{6,12}(?![a-z0-9])", "[passport]")
      .startingAt(Starts.atFolded("passport", (s, at) -> true)
          .or(Starts.at("ပတ်စ", (s, at) -> true)).ifDigits(1));

  /**
   * A run of 13 or more digits, single spaces or dashes between; only Luhn-valid groups of 13–19
   * digits in it go, see Luhn. The whole run, not its first 19 digits: a card written after
   * another group ({@code 0000 4111 1111 1111 1111}) is still a card. Bounded, so that a long
   * run is taken in pieces rather than in one deep recursion of the pattern. Not glued to letters
   * on either side, nor followed by a dash and more of an id: a UUID's digit groups
   * ({@code bad46258-5430-2858-71d2-…}) can pass Luhn by chance.
   */
  static final Rule CARD = new Rule("card", Pattern.compile(NOT_D_BEHIND + NOT_IN_HEX_ID
      + "(?<![A-Za-z])" + D + "(?:[ -]?" + D + "){12,255}(?!-?[0-9A-Za-z\\u1040-\\u1049])"),
      m -> Luhn.redactCards(m.group()), Starts.numberRuns(13));

  static final Rule PHONE_MM = Rule.replaceWith("phone-mm", "(?<![0-9\\u1040-\\u1049A-Za-z])"
      + NOT_IN_HEX_ID
      + "(?:(?:\\+|[0၀]{2})\\s?\\(?(?:95|၉၅)\\)?|\\(\\+?(?:95|၉၅)\\)|95|၉၅|[0၀])"
      + "[ .-]?[0၀]?[9၉](?:[ .-]?" + D + "){7,9}" + NOT_D_AHEAD, "[phone]")
      // nothing but digits, spaces and "+().-"; the 9 and 7 digits after it
      .startingAt(Starts.numberRuns(8));

  static final Rule PHONE_INTL = Rule.replaceWith("phone-intl",
      "(?<![0-9\\u1040-\\u1049A-Za-z+])\\+" + D + "(?:[ .()-]{0,2}" + D + "){7,14}" + NOT_D_AHEAD,
      "[phone]").startingAt(Starts.at("+", (s, at) -> at + 1 < s.length()
          && ScannedText.isDigit(s.charAt(at + 1))).ifDigits(8));

  private static boolean latinDigitAt(String s, int i) {
    return i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9';
  }

  /**
   * At an {@code @}: the local part is at most 64 code points (128 chars) of letters, numbers and
   * {@code ._%+-}, and starts where they start. Any character but ASCII may be one of them here:
   * the pattern decides, this only bounds where it is tried.
   */
  private static void localPart(String s, int at, StartRanges out) {
    int i = at - 1;
    while (i >= 0 && at - i <= 129 && maybeLocal(s.charAt(i))) {
      i--;
    }
    out.add(i + 1, at);
  }

  private static boolean maybeLocal(char c) {
    return c >= 128 || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
        || "._%+-".indexOf(c) >= 0;
  }

  /** Order matters: a card is tested before the phone rules can take part of its digits. */
  static final List<Rule> RULES =
      List.of(EMAIL, NRC, PASSPORT_LABELLED, PASSPORT_MM, CARD, PHONE_MM, PHONE_INTL);
}
