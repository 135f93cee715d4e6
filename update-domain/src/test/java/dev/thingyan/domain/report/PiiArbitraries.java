package dev.thingyan.domain.report;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Generators of personal data in the forms guests and apps write them. */
final class PiiArbitraries {
  private PiiArbitraries() {}

  static Arbitrary<String> emails() {
    Arbitrary<String> local = Arbitraries.strings().withChars("abcxyz0189._+-").ofMinLength(1)
        .ofMaxLength(20).filter(s -> Character.isLetterOrDigit(s.charAt(0)));
    Arbitrary<String> label = Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1)
        .ofMaxLength(12);
    Arbitrary<String> tld = Arbitraries.of("com", "mm", "net", "org", "co.uk", "io");
    return Combinators.combine(local, label, tld).as((l, d, t) -> l + "@" + d + "." + t);
  }

  static Arbitrary<String> myanmarPhones() {
    Arbitrary<String> prefix = Arbitraries.of("+95 9", "+959", "959", "09", "+95-9", "(+95) 9",
        "0095 9", "+95 09");
    Arbitrary<String> digits = Arbitraries.strings().numeric().ofMinLength(7).ofMaxLength(9);
    Arbitrary<String> sep = Arbitraries.of("", " ", "-");
    return Combinators.combine(prefix, digits, sep, Arbitraries.of(true, false))
        .as((p, d, s, burmese) -> {
          String number = p + s + group(d, s);
          return burmese ? toBurmese(number) : number;
        });
  }

  static Arbitrary<String> internationalPhones() {
    Arbitrary<String> country = Arbitraries.of("+1", "+44", "+66", "+86", "+65", "+81");
    Arbitrary<String> digits = Arbitraries.strings().numeric().ofMinLength(8).ofMaxLength(11);
    return Combinators.combine(country, digits).as((c, d) -> c + " " + group(d, " "));
  }

  static Arbitrary<String> nrcs() {
    Arbitrary<Integer> state = Arbitraries.integers().between(1, 14);
    Arbitrary<String> latin = Combinators.combine(state, Arbitraries.of("OUKAMA", "MAHTANA",
        "PABATA", "KAMATA"), Arbitraries.of("N", "E", "P", "NAING"),
        Arbitraries.strings().numeric().ofLength(6))
        .as((s, t, c, n) -> s + "/" + t + "(" + c + ")" + n);
    Arbitrary<String> burmese = Combinators.combine(state, Arbitraries.of("ဥကမ", "မထန", "ပဘတ"),
        Arbitraries.of("နိုင်", "ဧည့်", "ပြု"), Arbitraries.strings().numeric().ofLength(6))
        .as((s, t, c, n) -> toBurmese(s + "/") + t + "(" + c + ")" + toBurmese(n));
    return Arbitraries.oneOf(latin, burmese);
  }

  /** Luhn-valid 16-digit numbers with a card issuer's first digit. */
  static Arbitrary<String> cards() {
    Arbitrary<String> body = Arbitraries.strings().numeric().ofLength(14);
    Arbitrary<String> issuers = Arbitraries.of("4", "5", "3", "6", "2");
    return Combinators.combine(issuers, body, Arbitraries.of("", " ", "-"))
        .as((issuer, b, sep) -> group(withCheckDigit(issuer + b), sep));
  }

  static Arbitrary<String> bearerTokens() {
    return Arbitraries.strings().withChars("abcdefABCDEF0123456789._-").ofMinLength(16)
        .ofMaxLength(64).map(t -> "Bearer " + t);
  }

  static Arbitrary<String> anyPii() {
    return Arbitraries.oneOf(emails(), myanmarPhones(), internationalPhones(), nrcs(), cards(),
        bearerTokens());
  }

  static String withCheckDigit(String partial) {
    for (int c = 0; c <= 9; c++) {
      String candidate = partial + c;
      if (Luhn.valid(candidate.chars().map(ch -> ch - '0').toArray())) {
        return candidate;
      }
    }
    throw new AssertionError("one of ten check digits is always valid");
  }

  private static String group(String digits, String sep) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < digits.length(); i += 4) {
      out.append(i == 0 ? "" : sep).append(digits, i, Math.min(digits.length(), i + 4));
    }
    return out.toString();
  }

  static String toBurmese(String s) {
    StringBuilder out = new StringBuilder();
    s.chars().forEach(c -> out.append(c >= '0' && c <= '9' ? (char) ('၀' + c - '0') : (char) c));
    return out.toString();
  }
}
