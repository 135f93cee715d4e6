package dev.thingyan.domain.report;

import java.util.Arrays;

/**
 * Tells a payment card number from other long numbers. Trade-off: the Luhn check keeps 9 in 10
 * order ids, invoice numbers and epoch-millisecond timestamps readable, and the issuer digit
 * (2–6 for Visa, Mastercard, Amex, Discover, JCB, UnionPay; 9 for Myanmar's MPU) keeps every
 * timestamp starting with 1. The tenth Luhn-valid order id starting with 2–6 or 9 is redacted:
 * a lost order number costs a developer a lookup, a leaked card number costs a guest.
 */
final class Luhn {
  private static final int MIN_DIGITS = 13;
  private static final int MAX_DIGITS = 19;

  private Luhn() {}

  /**
   * Replaces the card numbers in a run of digit groups ({@code 7 4111 1111 1111 1111}): the
   * pattern matches the longest run, so the card may start or end at any group boundary in it.
   * From each group start, left to right, the longest card wins; the search goes on after it.
   * Only ends 13–19 digits away are tried, so a long run costs linear time.
   */
  static String redactCards(String run) {
    int[] value = new int[run.length()];
    for (int i = 0; i < value.length; i++) {
      char c = run.charAt(i);
      value[i] = Character.isDigit(c) ? Character.digit(c, 10) : -1;
    }
    StringBuilder out = null;
    int done = 0;
    for (int start = 0; start < value.length; ) {
      int end = afterHexIdGroup(run, start) ? -1 : longestCardFrom(value, start);
      if (end < 0) {
        start = nextGroup(value, start);
        continue;
      }
      out = out == null ? new StringBuilder(run.length()) : out;
      out.append(run, done, start).append("[card]");
      done = end;
      start = end;
    }
    return out == null ? run : out.append(run, done, run.length()).toString();
  }

  /**
   * @return true when the group at {@code start} follows four digits and a dash, as the last
   *     groups of a UUID do: the pattern's NOT_IN_HEX_ID guard, for a start inside the run
   */
  private static boolean afterHexIdGroup(String run, int start) {
    if (start < 5 || run.charAt(start - 1) != '-') {
      return false;
    }
    for (int i = start - 5; i < start - 1; i++) {
      if (!Character.isDigit(run.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /** @return the index after the first separator from {@code from} on, or the end. */
  private static int nextGroup(int[] value, int from) {
    for (int i = from; i < value.length; i++) {
      if (value[i] < 0) {
        return i + 1;
      }
    }
    return value.length;
  }

  /** @return the furthest group end that makes a card number with {@code start}, or -1. */
  private static int longestCardFrom(int[] value, int start) {
    int[] ends = new int[MAX_DIGITS];
    int found = 0;
    int digits = 0;
    for (int i = start; i < value.length && digits <= MAX_DIGITS; i++) {
      if (value[i] < 0) {
        continue;
      }
      digits++;
      boolean groupEnd = i + 1 == value.length || value[i + 1] < 0;
      if (groupEnd && digits >= MIN_DIGITS && digits <= MAX_DIGITS) {
        ends[found++] = i + 1;
      }
    }
    for (int k = found - 1; k >= 0; k--) {
      if (isCardNumber(value, start, ends[k])) {
        return ends[k];
      }
    }
    return -1;
  }

  private static boolean isCardNumber(int[] value, int start, int end) {
    int[] digits = new int[MAX_DIGITS];
    int n = 0;
    for (int i = start; i < end; i++) {
      if (value[i] >= 0) {
        digits[n++] = value[i];
      }
    }
    int issuer = digits[0];
    if (!(issuer >= 2 && issuer <= 6) && issuer != 9) {
      return false;
    }
    return valid(Arrays.copyOf(digits, n));
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
