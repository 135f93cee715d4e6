package dev.thingyan.adapter.jdbc.journal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.thingyan.ports.model.Version;
import dev.thingyan.ports.model.report.ErrorReport;
import dev.thingyan.ports.model.report.ReportSource;
import dev.thingyan.ports.model.report.Severity;
import dev.thingyan.ports.model.report.StackFrame;
import dev.thingyan.ports.model.report.StackTrace;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A whole {@link ErrorReport} as JSON text and back to an equal record. Keys are the senders'
 * snake_case names, enums their wire names, instants ISO-8601 with every digit; an empty optional
 * is left out. Written field by field rather than by reflection, so renaming a record component
 * cannot silently change what is already stored.
 */
final class ReportJson {

  private static final ObjectMapper JSON = new ObjectMapper();

  private ReportJson() {}

  static String write(ErrorReport r) {
    StringWriter text = new StringWriter(1024 + r.stackTrace().raw().length());
    try (JsonGenerator out = JSON.getFactory().createGenerator(text)) {
      out.writeStartObject();
      out.writeStringField("title", r.title());
      out.writeStringField("severity", r.severity().wireName());
      out.writeStringField("source", r.source().wireName());
      out.writeStringField("environment", r.environment());
      optional(out, "app_version", r.appVersion().map(Version::toString));
      optional(out, "trace_id", r.traceId());
      optional(out, "request_id", r.requestId());
      optional(out, "user_id", r.userId());
      optional(out, "role", r.role());
      optional(out, "steps_to_reproduce", r.stepsToReproduce());
      out.writeStringField("message", r.message());
      optional(out, "exception_type", r.exceptionType());
      out.writeStringField("stack_trace", r.stackTrace().raw());
      out.writeArrayFieldStart("frames");
      for (StackFrame f : r.stackTrace().frames()) {
        out.writeStartObject();
        out.writeStringField("function", f.function());
        optional(out, "file", f.file());
        if (f.line().isPresent()) {
          out.writeNumberField("line", f.line().getAsInt());
        }
        out.writeEndObject();
      }
      out.writeEndArray();
      out.writeFieldName("context");
      ContextJson.write(out, r.context());
      out.writeStringField("occurred_at", r.occurredAt().toString());
      out.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringWriter does not fail
    }
    return text.toString();
  }

  private static void optional(JsonGenerator out, String field, Optional<String> value)
      throws IOException {
    if (value.isPresent()) {
      out.writeStringField(field, value.get());
    }
  }

  @SuppressWarnings("unchecked")
  static ErrorReport read(String json) {
    JsonNode n;
    try {
      n = JSON.readTree(json);
    } catch (IOException e) {
      throw new IllegalStateException("a stored report is not valid JSON: " + e.getMessage(), e);
    }
    return new ErrorReport(
        n.path("title").asText(),
        Severity.valueOf(upper(n.path("severity").asText())),
        ReportSource.valueOf(upper(n.path("source").asText())),
        n.path("environment").asText(),
        text(n, "app_version").map(Version::parse),
        text(n, "trace_id"),
        text(n, "request_id"),
        text(n, "user_id"),
        text(n, "role"),
        text(n, "steps_to_reproduce"),
        n.path("message").asText(),
        text(n, "exception_type"),
        new StackTrace(n.path("stack_trace").asText(), frames(n.path("frames"))),
        (Map<String, Object>) ContextJson.read(n.path("context")),
        Instant.parse(n.path("occurred_at").asText()));
  }

  private static List<StackFrame> frames(JsonNode array) {
    List<StackFrame> frames = new ArrayList<>(array.size());
    for (JsonNode f : array) {
      JsonNode line = f.path("line");
      frames.add(
          new StackFrame(
              f.path("function").asText(),
              text(f, "file"),
              line.isInt() ? OptionalInt.of(line.intValue()) : OptionalInt.empty()));
    }
    return frames;
  }

  private static Optional<String> text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? Optional.empty() : Optional.of(value.asText());
  }

  private static String upper(String wireName) {
    return wireName.toUpperCase(Locale.ROOT);
  }
}
