package dev.thingyan.bootstrap.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.thingyan.ports.model.Actor;
import dev.thingyan.ports.model.RunId;
import dev.thingyan.ports.model.RunState;
import dev.thingyan.ports.model.Version;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code --json} output: records become objects with snake_case keys, an {@link Optional} its
 * value or null, states their wire names, and paths, instants, versions and ids their strings.
 * Converting to plain maps first keeps Jackson free of extra modules (jdk8, jsr310).
 */
final class Json {
  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private Json() {}

  static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(plain(value));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON", e);
    }
  }

  static Object plain(Object value) {
    if (value == null || value instanceof String || value instanceof Number
        || value instanceof Boolean) {
      return value;
    }
    if (value instanceof Optional<?> o) {
      return plain(o.orElse(null));
    }
    if (value instanceof java.util.OptionalLong o) {
      return o.isPresent() ? o.getAsLong() : null;
    }
    if (value instanceof java.util.OptionalInt o) {
      return o.isPresent() ? o.getAsInt() : null;
    }
    // values with one canonical spelling, though some are records
    if (value instanceof Version || value instanceof RunId || value instanceof Actor) {
      return value.toString();
    }
    if (value instanceof RunState s) {
      return s.wireName();
    }
    if (value instanceof Enum<?> e) {
      return e.name().toLowerCase(Locale.ROOT);
    }
    if (value instanceof Collection<?> c) {
      return c.stream().map(Json::plain).collect(ArrayList::new, ArrayList::add, ArrayList::addAll);
    }
    if (value instanceof Map<?, ?> m) {
      Map<String, Object> out = new LinkedHashMap<>();
      m.forEach((k, v) -> out.put(String.valueOf(k), plain(v)));
      return out;
    }
    if (value instanceof Record r) {
      return record(r);
    }
    return value.toString();
  }

  private static Map<String, Object> record(Record r) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (RecordComponent c : r.getClass().getRecordComponents()) {
      try {
        out.put(snake(c.getName()), plain(c.getAccessor().invoke(r)));
      } catch (IllegalAccessException | InvocationTargetException e) {
        throw new IllegalStateException("cannot read " + c.getName(), e);
      }
    }
    return out;
  }

  static String snake(String camel) {
    return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
  }
}
