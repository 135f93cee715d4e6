package dev.thingyan.domain.report;

import java.util.function.Function;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One redaction rule: a pattern, what a match becomes, and where a match can start. Patterns use
 * bounded or possessive quantifiers and anchor their start with a look-behind, so each runs in
 * linear time even on a megabyte of hostile input. {@link Starts} keeps them from running at all
 * where they cannot match: the result is the same as {@link #applyEverywhere}, only sooner.
 */
record Rule(String name, Pattern pattern, Function<MatchResult, String> replacement,
    Starts starts) {

  static Rule replaceWith(String name, String regex, String token) {
    return new Rule(name, Pattern.compile(regex), m -> token, Starts.EVERYWHERE);
  }

  /** Keeps group 1 (a key, a scheme) and replaces the rest with the token. */
  static Rule keepPrefix(String name, String regex, String token) {
    return new Rule(name, Pattern.compile(regex), m -> m.group(1) + token, Starts.EVERYWHERE);
  }

  /** @return this rule, tried only where the finder says a match may start. */
  Rule startingAt(Starts finder) {
    return new Rule(name, pattern, replacement, finder);
  }

  String apply(String text) {
    return starts == Starts.EVERYWHERE ? applyEverywhere(text)
        : apply(new ScannedText(text)).text();
  }

  /**
   * Tries the pattern at each candidate start, left to right, as {@code Matcher.find} would at
   * every position. Transparent bounds let look-behinds see the text before a start, and the
   * region always runs to the end of the text, so a match found at a start is the very match
   * {@code find} finds there.
   *
   * @return the text with every match replaced; the same instance when nothing changed
   */
  ScannedText apply(ScannedText scanned) {
    return apply(scanned, new StartRanges());
  }

  /** @param ranges a list to reuse, whatever it holds */
  ScannedText apply(ScannedText scanned, StartRanges ranges) {
    String text = scanned.text();
    if (starts == Starts.EVERYWHERE) {
      String out = applyEverywhere(text);
      return out.equals(text) ? scanned : new ScannedText(out);
    }
    starts.find(scanned, ranges.reset(text.length()));
    if (ranges.isEmpty()) {
      return scanned;
    }
    ranges.sort();
    Matcher m = pattern.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
    Edits edits = new Edits(scanned);
    int next = 0;
    for (int r = 0; r < ranges.size(); r++) {
      int at = Math.max(ranges.from(r), next);
      for (; at < ranges.to(r); at++) {
        if (m.region(at, text.length()).lookingAt()) {
          edits.replace(at, m.end(), replacement.apply(m));
          // the next try is after the match (after an empty one, one further: Matcher.find)
          at = Math.max(at, m.end() - 1);
        }
      }
      next = Math.max(next, at);
    }
    return edits.result();
  }

  /** The replacements made in one text, left to right, and the text they make. */
  private static final class Edits {
    private final ScannedText scanned;
    private final String text;
    /** The lower-case copy, when a rule already needed one: kept in step rather than redone. */
    private final String folded;
    private StringBuilder out;
    private StringBuilder foldedOut;
    private final StringBuilder added = new StringBuilder();
    private int done;

    Edits(ScannedText scanned) {
      this.scanned = scanned;
      this.text = scanned.text();
      this.folded = scanned.foldedIfMade();
    }

    void replace(int from, int to, String replaced) {
      if (replaced.length() == to - from && text.startsWith(replaced, from)) {
        return; // a match left as it was (a long number that is no card) changes nothing
      }
      out = out == null ? new StringBuilder(text.length() + 16) : out;
      out.append(text, done, from).append(replaced);
      added.append(replaced);
      if (folded != null) {
        foldedOut = foldedOut == null ? new StringBuilder(text.length() + 16) : foldedOut;
        foldedOut.append(folded, done, from).append(ScannedText.fold(replaced));
      }
      done = to;
    }

    /** @return the text with the replacements; the scanned text itself when there were none */
    ScannedText result() {
      if (out == null) {
        return scanned;
      }
      return scanned.replaced(out.append(text, done, text.length()).toString(), added,
          foldedOut == null ? null : foldedOut.append(folded, done, text.length()).toString());
    }
  }

  /** The pattern's {@code replaceAll} over the whole text: what {@link #apply} must equal. */
  String applyEverywhere(String text) {
    Matcher m = pattern.matcher(text);
    if (!m.find()) {
      return text;
    }
    m.reset();
    // replaceAll(Function) reads '$' and '\' in its result as group references: quote it
    return m.replaceAll(r -> Matcher.quoteReplacement(replacement.apply(r)));
  }
}
