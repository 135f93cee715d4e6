package dev.thingyan.bootstrap.config;

import java.util.Collection;
import java.util.Comparator;

/** Suggests the allowed key closest to a misspelt one ({@code repos} → {@code repo}). */
final class Spelling {
  private Spelling() {}

  /** @return {@code " (did you mean 'x'?)"}, or empty when nothing allowed is close. */
  static String suggest(String found, Collection<String> allowed) {
    return allowed.stream()
        .filter(a -> distance(found, a) <= Math.max(2, a.length() / 3))
        .min(Comparator.comparingInt(a -> distance(found, a)))
        .map(a -> " (did you mean '" + a + "'?)")
        .orElse("");
  }

  static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
