package dev.thingyan.bootstrap.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * A YAML node that knows its key path. Every read either returns a value or records a problem
 * naming the path, so binding continues and the admin sees every problem at once.
 */
final class ConfigNode {
  private final JsonNode node;
  private final String path;
  private final Problems problems;
  private final Path baseDir;

  ConfigNode(JsonNode node, String path, Problems problems, Path baseDir) {
    this.node = node == null ? MissingNode.getInstance() : node;
    this.path = path;
    this.problems = problems;
    this.baseDir = baseDir;
  }

  String path() {
    return path;
  }

  Problems problems() {
    return problems;
  }

  /** A key written with nothing after it ({@code journal:} with every line commented) is absent. */
  boolean present() {
    return !node.isMissingNode() && !node.isNull() && !(node.isTextual() && node.asText().isEmpty());
  }

  ConfigNode get(String key) {
    return new ConfigNode(node.get(key), path.isEmpty() ? key : path + "." + key, problems, baseDir);
  }

  /** Records a problem for this key. */
  void problem(String message) {
    problems.add(path, message);
  }

  /** Checks that this node, when present, is a mapping holding only the given keys. */
  ConfigNode allowOnly(Set<String> keys) {
    if (present() && !node.isObject()) {
      problem("expected a mapping with keys " + String.join(", ", keys.stream().sorted().toList()));
      return this;
    }
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!keys.contains(name)) {
        get(name).problem("unknown key" + Spelling.suggest(name, keys)
            + "; allowed here: " + String.join(", ", keys.stream().sorted().toList()));
      }
    }
    return this;
  }

  Optional<String> text() {
    if (!present()) {
      return Optional.empty();
    }
    if (!node.isValueNode()) {
      problem("expected a single value, not a " + (node.isArray() ? "list" : "mapping"));
      return Optional.empty();
    }
    String text = node.asText().trim();
    if (text.isEmpty()) {
      problem("must not be empty");
      return Optional.empty();
    }
    return Optional.of(text);
  }

  /** Reads a required value; when missing, records {@code missing; <fix>}. */
  Optional<String> required(String fix) {
    if (!present()) {
      problem("missing; " + fix);
      return Optional.empty();
    }
    return text();
  }

  /** Parses the text; an {@link IllegalArgumentException} becomes {@code <fix>} for this key. */
  <T> Optional<T> parse(Function<String, T> parser, String fix) {
    return text().flatMap(t -> {
      try {
        return Optional.of(parser.apply(t));
      } catch (IllegalArgumentException e) {
        problem("'" + t + "' is not valid; " + fix);
        return Optional.empty();
      }
    });
  }

  boolean bool(boolean fallback) {
    if (present() && !node.isBoolean()) {
      problem("expected true or false");
    }
    return node.isBoolean() ? node.booleanValue() : fallback;
  }

  int integer(int fallback, int min) {
    if (!present()) {
      return fallback;
    }
    if (!node.canConvertToInt() || !node.isIntegralNumber()) {
      problem("expected a whole number, found '" + node.asText() + "'");
      return fallback;
    }
    if (node.intValue() < min) {
      problem("must be at least " + min + " (found " + node.intValue() + ")");
      // the default stands in so the section's own check does not say it a second time
      return fallback;
    }
    return node.intValue();
  }

  /** A list; a single value is taken as a list of one, so {@code key: x} and {@code key: [x]} both work. */
  List<ConfigNode> list() {
    List<ConfigNode> items = new ArrayList<>();
    if (present() && node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        items.add(new ConfigNode(node.get(i), path + "[" + i + "]", problems, baseDir));
      }
    } else if (present() && node.isValueNode()) {
      items.add(this);
    } else if (present()) {
      problem("expected a list");
    }
    return items;
  }

  boolean hasKey(String key) {
    return node.has(key);
  }

  boolean isMapping() {
    return node.isObject();
  }

  /** The entries of a mapping of plain values, e.g. HTTP headers. */
  Map<String, String> stringMap() {
    Map<String, String> map = new java.util.LinkedHashMap<>();
    if (present() && !node.isObject()) {
      problem("expected a mapping of names to values");
    }
    node.fields().forEachRemaining(e -> get(e.getKey()).text().ifPresent(v -> map.put(e.getKey(), v)));
    return map;
  }

  /** A path, relative ones taken from the configuration file's folder. */
  Optional<Path> pathValue() {
    return text().map(this::resolve);
  }

  /** Resolves a path written in the file against the file's folder. */
  Path resolve(String text) {
    return baseDir.resolve(text).normalize();
  }
}
