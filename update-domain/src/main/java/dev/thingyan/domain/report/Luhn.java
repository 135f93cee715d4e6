package dev.thingyan.domain.report;

/**
 * Tells a payment card number from other long numbers. Trade-off: the Luhn check keeps 9 in 10
 * order ids, invoice numbers and epoch-millisecond timestamps readable, and the issuer digit
 * (2–6 for Visa, Mastercard, Amex, Discover, JCB, UnionPay; 9 for Myanmar's MPU) keeps every
 * timestamp starting with 1. The tenth Luhn-valid order id starting with 2–6 or 9 is redacted:
 * a lost order number costs a developer a lookup, a leaked card number costs a guest.
 */
final class Luhn {
  private Luhn() {}

  /**
   * Replaces the card numbers in a run of digit groups ({@code 7 4111 1111 1111 1111}): the
   * pattern matches the longest run, so the card may start or end at any group boundary in it.
   */
  static String redactCards(String run) {
    for (int start = 0; start < run.length(); start = nextGroup(run, start)) {
      for (int end = run.length(); end > start; end = previousGroupEnd(run, end)) {
        if (isCardNumber(run.substring(start, end))) {
          return run.substring(0, start) + "[card]" + redactCards(run.substring(end));
        }
      }
    }
    return run;
  }

  private static int nextGroup(String run, int from) {
    for (int i = from; i < run.length(); i++) {
      if (!Character.isDigit(run.charAt(i))) {
        return i + 1;
      }
    }
    return run.length();
  }

  private static int previousGroupEnd(String run, int end) {
    for (int i = end - 1; i > 0; i--) {
      if (!Character.isDigit(run.charAt(i))) {
        return i;
      }
    }
    return 0;
  }

  static boolean isCardNumber(String text) {
    int[] digits = text.codePoints().filter(Character::isDigit).map(c -> Character.digit(c, 10))
        .toArray();
    if (digits.length < 13 || digits.length > 19) {
      return false;
    }
    int issuer = digits[0];
    if (!(issuer >= 2 && issuer <= 6) && issuer != 9) {
      return false;
    }
    return valid(digits);
  }

  static boolean valid(int[] digits) {
    int sum = 0;
    for (int i = 0; i < digits.length; i++) {
      int d = digits[digits.length - 1 - i];
      if (i % 2 == 1) {
        d *= 2;
        if (d > 9) {
          d -= 9;
        }
      }
      sum += d;
    }
    return sum % 10 == 0;
  }
}
