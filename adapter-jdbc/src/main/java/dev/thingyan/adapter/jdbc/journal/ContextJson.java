package dev.thingyan.adapter.jdbc.journal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A report's context (strings, numbers, booleans, lists, maps) as JSON that reads back equal, Java
 * number types included. A number is written plainly when reading it back gives the same type
 * (Integer, a Long beyond the int range, a finite Double), which is what a context parsed from a
 * sender's JSON mostly holds. Any other number is tagged as a one-key object
 * such as {@code {"$long":"5"}}, and a map that itself has one key starting with {@code $} is
 * wrapped as {@code {"$map":{...}}}, so a tag can never be mistaken for the sender's data.
 */
final class ContextJson {

  private static final String MAP = "$map";

  private ContextJson() {}

  static void write(JsonGenerator out, Object value) throws IOException {
    if (value instanceof String s) {
      out.writeString(s);
    } else if (value instanceof Boolean b) {
      out.writeBoolean(b);
    } else if (value instanceof Number n) {
      writeNumber(out, n);
    } else if (value instanceof Map<?, ?> map) {
      boolean wrap = map.size() == 1 && map.keySet().iterator().next().toString().startsWith("$");
      if (wrap) {
        out.writeStartObject();
        out.writeFieldName(MAP);
      }
      out.writeStartObject();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        out.writeFieldName(e.getKey().toString());
        write(out, e.getValue());
      }
      out.writeEndObject();
      if (wrap) {
        out.writeEndObject();
      }
    } else if (value instanceof List<?> list) {
      out.writeStartArray();
      for (Object item : list) {
        write(out, item);
      }
      out.writeEndArray();
    } else {
      out.writeNull(); // a validated ErrorReport holds no null and no other type
    }
  }

  private static void writeNumber(JsonGenerator out, Number n) throws IOException {
    if (n instanceof Integer i) {
      out.writeNumber(i);
    } else if (n instanceof Long l && (l < Integer.MIN_VALUE || l > Integer.MAX_VALUE)) {
      out.writeNumber(l);
    } else if (n instanceof Double d && Double.isFinite(d)) {
      out.writeNumber(d);
    } else {
      out.writeStartObject();
      out.writeStringField(tag(n), n.toString());
      out.writeEndObject();
    }
  }

  private static String tag(Number n) {
    if (n instanceof Long) return "$long";
    if (n instanceof BigInteger) return "$biginteger";
    if (n instanceof Double) return "$double";
    if (n instanceof Float) return "$float";
    if (n instanceof Short) return "$short";
    if (n instanceof Byte) return "$byte";
    // BigDecimal keeps its scale through its text; other Number types come back as BigDecimal
    return "$bigdecimal";
  }

  static Object read(JsonNode node) {
    if (node.isTextual()) return node.textValue();
    if (node.isBoolean()) return node.booleanValue();
    if (node.isInt()) return node.intValue();
    if (node.isLong()) return node.longValue();
    if (node.isBigInteger()) return node.bigIntegerValue();
    if (node.isNumber()) return node.doubleValue();
    if (node.isArray()) {
      List<Object> list = new ArrayList<>(node.size());
      node.forEach(item -> list.add(read(item)));
      return list;
    }
    if (node.isObject()) {
      if (node.size() == 1 && node.fieldNames().next().startsWith("$")) {
        return tagged(node.fieldNames().next(), node.elements().next());
      }
      return readMap(node);
    }
    return null;
  }

  static Map<String, Object> readMap(JsonNode object) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      map.put(e.getKey(), read(e.getValue()));
    }
    return map;
  }

  private static Object tagged(String tag, JsonNode value) {
    if (tag.equals(MAP)) {
      return readMap(value);
    }
    String text = value.asText();
    return switch (tag) {
      case "$long" -> Long.valueOf(text);
      case "$biginteger" -> new BigInteger(text);
      case "$double" -> Double.valueOf(text);
      case "$float" -> Float.valueOf(text);
      case "$short" -> Short.valueOf(text);
      case "$byte" -> Byte.valueOf(text);
      case "$bigdecimal" -> new BigDecimal(text);
      default -> throw new IllegalArgumentException("unknown tag in a stored report: " + tag);
    };
  }
}
