package dev.thingyan.domain.report;

import dev.thingyan.ports.model.report.ErrorReport;
import dev.thingyan.ports.model.report.StackFrame;
import dev.thingyan.ports.model.report.StackTrace;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Redacts a whole report before it is stored: by key in the context (any depth, any spelling, see
 * {@link SensitiveKeys}) and by value in every free text: title, message, steps, the raw stack
 * trace, each frame, and every string, number and key of the context. Ids (trace, request, user,
 * role) must be opaque: one that the text rules would change (a phone, an e-mail, a document
 * number used as a user id) is replaced whole by {@link #REDACTED_ID}, and the report still goes.
 */
public final class Redactor {
  /** What a value under a sensitive key becomes, whatever it was (a string, a map, a list). */
  public static final String REDACTED = "[redacted]";
  /** What an id that was a person's datum becomes: still an id, so the report stays valid. */
  public static final String REDACTED_ID = "redacted";

  private final TextRedactor text = new TextRedactor();

  /** @return a copy of the report with nothing personal or secret left that can be recognised. */
  public ErrorReport redact(ErrorReport r) {
    return new ErrorReport(clean(r.title()), r.severity(), r.source(), r.environment(),
        r.appVersion(), r.traceId().map(this::opaque), r.requestId().map(this::opaque),
        r.userId().map(this::opaque), r.role().map(this::opaque),
        r.stepsToReproduce().map(this::clean), clean(r.message()), r.exceptionType(),
        redact(r.stackTrace()), redactMap(r.context()), r.occurredAt());
  }

  private String opaque(String id) {
    return text.redact(id).equals(id) ? id : REDACTED_ID;
  }

  /** @return one free text redacted by value. */
  public String redactText(String value) {
    return clean(value);
  }

  /** Redacted, with control characters escaped: they reach GitHub and terminals from here. */
  private String clean(String value) {
    return ControlChars.escape(text.redact(ControlChars.escape(value)));
  }

  private StackTrace redact(StackTrace trace) {
    List<StackFrame> frames = new ArrayList<>(trace.frames().size());
    for (StackFrame f : trace.frames()) {
      frames.add(new StackFrame(clean(f.function()), f.file().map(this::clean), f.line()));
    }
    return new StackTrace(clean(trace.raw()), frames);
  }

  /** @return the map with sensitive keys' values replaced and every other value redacted. */
  public Map<String, Object> redactMap(Map<String, ?> map) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map.Entry<String, ?> e : map.entrySet()) {
      Object value = redactUnder(KeyVocabulary.classify(e.getKey()), e.getValue());
      String key = clean(e.getKey());
      // two keys can redact to one ("a@x.io", "b@y.io" → "[email]"): keep both values
      String unique = key;
      for (int n = 2; out.containsKey(unique); n++) {
        unique = key + "#" + n;
      }
      out.put(unique, value);
    }
    return out;
  }

  /** A secret or personal key takes its value whole, unless it carries no datum. */
  private Object redactUnder(KeyKind kind, Object value) {
    if (kind == KeyKind.PLAIN || value == null || value instanceof Boolean) {
      return redactValue(value);
    }
    boolean scalar = value instanceof String || value instanceof Number;
    if (scalar && ValuePolicy.keep(kind, value.toString())) {
      return redactValue(value);
    }
    return REDACTED;
  }

  private Object redactValue(Object value) {
    if (value instanceof Map<?, ?> map) {
      @SuppressWarnings("unchecked")
      Map<String, ?> typed = (Map<String, ?>) map;
      return redactMap(typed);
    }
    if (value instanceof List<?> list) {
      return list.stream().map(this::redactValue).toList();
    }
    if (value instanceof String s) {
      return clean(s);
    }
    if (value instanceof Double d && !Double.isFinite(d)
        || value instanceof Float f && !Float.isFinite(f)) {
      return value.toString(); // JSON has no Infinity or NaN: the issue's JSON block says it so
    }
    if (value instanceof Number || value instanceof Boolean) {
      // a phone or card sent as a JSON number is still a phone or card
      String s = value.toString();
      String red = text.redact(s);
      return red.equals(s) ? value : red;
    }
    return value == null ? null : text.redact(value.toString());
  }
}
