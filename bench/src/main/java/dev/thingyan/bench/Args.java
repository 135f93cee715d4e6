package dev.thingyan.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@code --key value} arguments; a key given several times keeps every value. */
final class Args {
  private final Map<String, List<String>> values = new HashMap<>();

  Args(String[] args) {
    for (int i = 0; i < args.length; i++) {
      if (!args[i].startsWith("--") || i + 1 >= args.length) {
        throw new IllegalArgumentException("expected --key value, got: " + args[i]);
      }
      values.computeIfAbsent(args[i].substring(2), k -> new ArrayList<>()).add(args[++i]);
    }
  }

  String get(String key) {
    List<String> v = values.get(key);
    if (v == null) {
      throw new IllegalArgumentException("missing --" + key);
    }
    return v.get(v.size() - 1);
  }

  String get(String key, String fallback) {
    return values.containsKey(key) ? get(key) : fallback;
  }

  int integer(String key, int fallback) {
    return values.containsKey(key) ? Integer.parseInt(get(key)) : fallback;
  }

  List<String> all(String key) {
    return values.getOrDefault(key, List.of());
  }
}
