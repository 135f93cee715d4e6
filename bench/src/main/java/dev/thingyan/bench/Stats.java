package dev.thingyan.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A list of samples (seconds, or any unit) and their median, minimum and maximum. */
final class Stats {
  private final List<Double> values = new ArrayList<>();

  void add(double v) {
    values.add(v);
  }

  int count() {
    return values.size();
  }

  double median() {
    List<Double> s = sorted();
    int n = s.size();
    if (n == 0) {
      return Double.NaN;
    }
    return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
  }

  double min() {
    return sorted().get(0);
  }

  double max() {
    List<Double> s = sorted();
    return s.get(s.size() - 1);
  }

  /** @return the samples in the order they were taken, e.g. "1.02 0.98 1.10" */
  String samples(String format) {
    StringBuilder b = new StringBuilder();
    for (double v : values) {
      b.append(b.length() == 0 ? "" : " ").append(String.format(java.util.Locale.ROOT, format, v));
    }
    return b.toString();
  }

  private List<Double> sorted() {
    List<Double> s = new ArrayList<>(values);
    Collections.sort(s);
    return s;
  }
}
