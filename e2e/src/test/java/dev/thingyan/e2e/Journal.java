package dev.thingyan.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** thingyan's own account of its runs, read through its CLI ({@code history --json}, {@code show --json}). */
final class Journal {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final LaravelStack stack;

  Journal(LaravelStack stack) {
    this.stack = stack;
  }

  record RunView(String id, String kind, String state, String from, String target, String releaseDir,
      String reason) {}

  record Step(String name, Instant started, Instant ended, String outcome, String detail) {}

  static JsonNode parse(String text) {
    int start = Math.min(indexOr(text, '['), indexOr(text, '{'));
    try {
      return JSON.readTree(text.substring(start));
    } catch (IOException | RuntimeException e) {
      throw new AssertionError("not JSON: " + text, e);
    }
  }

  private static int indexOr(String s, char c) {
    int i = s.indexOf(c);
    return i < 0 ? Integer.MAX_VALUE : i;
  }

  /** @return the newest run */
  RunView last() {
    JsonNode runs = parse(stack.thingyan("history", "--limit", "1", "--json").ok().out());
    if (runs.isEmpty()) {
      throw new AssertionError("no run in the journal");
    }
    return view(runs.get(0));
  }

  List<RunView> history(int limit) {
    List<RunView> list = new ArrayList<>();
    parse(stack.thingyan("history", "--limit", String.valueOf(limit), "--json").ok().out()).forEach(n -> list.add(view(n)));
    return list;
  }

  private static RunView view(JsonNode n) {
    return new RunView(text(n, "id"), text(n, "kind"), text(n, "state"), text(n, "from_version"),
        text(n, "target_version"), text(n, "release_dir"), text(n, "reason"));
  }

  /** @return {@code status --json} */
  JsonNode status() {
    return parse(stack.thingyan("status", "--json").ok().out());
  }

  /** @return the run's steps, in order */
  List<Step> steps(String runId) {
    JsonNode detail = parse(stack.thingyan("show", runId, "--json").ok().out());
    JsonNode steps = detail.findValue("steps");
    List<Step> list = new ArrayList<>();
    if (steps != null) {
      steps.forEach(s -> list.add(new Step(text(s, "step"), instant(s, "started_at"), instant(s, "ended_at"),
          text(s, "outcome"), text(s, "detail"))));
    }
    return list;
  }

  /** @return the run's whole log as text, for assertion messages */
  String log(String runId) {
    return stack.thingyan("show", runId).out();
  }

  /** @return milliseconds per step name (summed), in order of first appearance */
  static Map<String, Long> millisPerStep(List<Step> steps) {
    Map<String, Long> m = new LinkedHashMap<>();
    for (Step s : steps) {
      if (s.ended() != null) {
        m.merge(s.name(), s.ended().toEpochMilli() - s.started().toEpochMilli(), Long::sum);
      }
    }
    return m;
  }

  static Optional<Step> step(List<Step> steps, String name) {
    return steps.stream().filter(s -> s.name().equals(name)).findFirst();
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  private static Instant instant(JsonNode n, String field) {
    String t = text(n, field);
    return t == null ? null : Instant.parse(t);
  }
}
