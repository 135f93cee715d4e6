package dev.thingyan.domain.report;

import java.util.List;
import java.util.function.Function;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One redaction rule: a pattern and what a match becomes. Patterns use bounded or possessive
 * quantifiers and anchor their start with a look-behind, so each runs in linear time even on a
 * megabyte of hostile input.
 */
record Rule(String name, Pattern pattern, Function<MatchResult, String> replacement,
    List<String> triggers) {

  static Rule replaceWith(String name, String regex, String token) {
    return new Rule(name, Pattern.compile(regex), m -> token, List.of());
  }

  /** Keeps group 1 (a key, a scheme) and replaces the rest with the token. */
  static Rule keepPrefix(String name, String regex, String token) {
    return new Rule(name, Pattern.compile(regex), m -> m.group(1) + token, List.of());
  }

  /**
   * @return this rule, run only on texts whose lower-case form contains one of the triggers: a
   *     substring search is far cheaper than a pattern tried at every position
   */
  Rule when(String... anyOf) {
    return new Rule(name, pattern, replacement, List.of(anyOf));
  }

  /** @param lower the text in lower case (ROOT locale), computed once for all rules */
  String apply(String text, String lower) {
    return triggers.isEmpty() || triggers.stream().anyMatch(lower::contains) ? apply(text) : text;
  }

  String apply(String text) {
    Matcher m = pattern.matcher(text);
    if (!m.find()) {
      return text;
    }
    m.reset();
    // replaceAll(Function) reads '$' and '\' in its result as group references: quote it
    return m.replaceAll(r -> Matcher.quoteReplacement(replacement.apply(r)));
  }
}
