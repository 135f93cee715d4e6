package dev.thingyan.domain.report;

/**
 * Where a rule's pattern can start a match in a text: a necessary condition, cheap to test, that
 * lets {@link Rule} try its pattern at a few positions instead of all of them. Every finder must
 * return every position where the pattern could match: a position left out is a leak. The
 * finders are read next to their patterns (SecretRules, SqlRules, PiiRules), and
 * RuleStartsPropertiesTest checks each rule against its pattern run at every position.
 */
@FunctionalInterface
interface Starts {
  /** Adds every range of positions where the pattern may start a match. */
  void find(ScannedText text, StartRanges out);

  /** Every position: the pattern is tried everywhere, as {@code Matcher.find} does. */
  Starts EVERYWHERE = (t, out) -> out.add(0, t.length());

  /** What an occurrence of a needle makes of its neighbourhood. */
  @FunctionalInterface
  interface Occurrence {
    /** @param at where the needle occurs in {@code text} */
    void at(String text, int at, StartRanges out);
  }

  /** A test of the text around an occurrence of a needle. */
  @FunctionalInterface
  interface Check {
    boolean test(String text, int at);
  }

  /** @return starts at each occurrence of the (case-sensitive) needle that passes the check. */
  static Starts at(String needle, Check check) {
    return near(needle, false, startIf(check));
  }

  /** @return starts at each occurrence of the needle in any ASCII case that passes the check. */
  static Starts atFolded(String needle, Check check) {
    return near(needle, true, startIf(check));
  }

  private static Occurrence startIf(Check check) {
    return (text, at, out) -> {
      if (check.test(text, at)) {
        out.add(at, at + 1);
      }
    };
  }

  /** @return the ranges each occurrence of the needle (ASCII case ignored or not) makes. */
  static Starts near(String needle, boolean ignoreCase, Occurrence occurrence) {
    return (t, out) -> {
      if (!t.mayContain(needle)) {
        return;
      }
      String haystack = ignoreCase ? t.folded() : t.text();
      for (int at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1)) {
        occurrence.at(t.text(), at, out);
      }
    };
  }

  /**
   * @return every position of each run of digits, spaces and {@code +().-} that holds at least
   *     {@code minDigits} digits ({@link ScannedText#numberRuns}): a pattern made of nothing but
   *     such characters matches inside one run
   */
  static Starts numberRuns(int minDigits) {
    return (t, out) -> {
      if (t.digits() < minDigits) {
        return;
      }
      int[] runs = t.numberRuns();
      for (int i = 0; i < runs.length; i += 3) {
        if (runs[i + 2] >= minDigits) {
          out.add(runs[i], runs[i + 1]);
        }
      }
    };
  }

  /** @return this finder only for texts with at least that many digits (Latin or Burmese). */
  default Starts ifDigits(int min) {
    return (t, out) -> {
      if (t.digits() >= min) {
        find(t, out);
      }
    };
  }

  /** @return this finder only for texts holding every ASCII character of {@code allOf}. */
  default Starts ifAll(String allOf) {
    return (t, out) -> {
      if (t.mayContain(allOf)) {
        find(t, out);
      }
    };
  }

  /** @return this finder only for texts holding one of the ASCII characters of {@code anyOf}. */
  default Starts ifAny(String anyOf) {
    return (t, out) -> {
      if (t.mayContainAny(anyOf)) {
        find(t, out);
      }
    };
  }

  /** @return the starts of both finders. */
  default Starts or(Starts other) {
    return (t, out) -> {
      find(t, out);
      other.find(t, out);
    };
  }

  /**
   * @return true when at most {@code max} {@code \s} characters from {@code from} on lead to one
   *     of {@code chars}
   */
  static boolean afterSpaces(String text, int from, int max, String chars) {
    int i = from;
    while (i < text.length() && i - from < max && ScannedText.isSpace(text.charAt(i))) {
      i++;
    }
    return i < text.length() && chars.indexOf(text.charAt(i)) >= 0;
  }
}
