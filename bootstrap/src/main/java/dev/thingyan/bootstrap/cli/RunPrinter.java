package dev.thingyan.bootstrap.cli;

import dev.thingyan.ports.model.LogLevel;
import dev.thingyan.ports.model.RunEvent;
import dev.thingyan.ports.model.RunId;
import dev.thingyan.ports.model.RunState;
import dev.thingyan.ports.out.RunListener;
import java.io.PrintWriter;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Prints run events live while {@code apply} or {@code rollback} runs: a line per state change
 * ({@code → backup_running  (12:03:04)}), a heading when a step begins, and the step's log lines
 * (hook output among them) indented under it.
 */
public final class RunPrinter implements RunListener {
  private final PrintWriter out;
  private final Messages messages;
  private final Views views;
  private final Map<RunId, RunState> lastState = new HashMap<>();
  private final Map<RunId, Optional<String>> lastStep = new HashMap<>();

  RunPrinter(PrintWriter out, Messages messages, Views views) {
    this.out = out;
    this.messages = messages;
    this.views = views;
  }

  /** A printer for callers outside the CLI (the demo), in the given language and this host's zone. */
  public static RunListener forLanguage(PrintWriter out, dev.thingyan.bootstrap.config.Language language) {
    Messages messages = Messages.of(language);
    return new RunPrinter(out, messages, new Views(messages, java.time.ZoneId.systemDefault()));
  }

  // the run's thread calls this; a listener must never throw into the run
  @Override
  public synchronized void onEvent(RunEvent event) {
    try {
      print(event);
      out.flush();
    } catch (RuntimeException e) {
      out.println("  (" + e.getClass().getSimpleName() + ")");
    }
  }

  private void print(RunEvent e) {
    if (lastState.put(e.runId(), e.state()) != e.state()) {
      out.println("→ " + messages.state(e.state()) + "  (" + views.time(e.at()) + ")");
      lastStep.remove(e.runId());
    }
    if (e.step().isPresent() && !e.step().equals(lastStep.get(e.runId()))) {
      out.println("  • " + e.step().get());
      lastStep.put(e.runId(), e.step());
    }
    String indent = e.step().isPresent() ? "      " : "  ";
    for (String line : e.message().split("\\R")) {
      if (!line.isBlank()) {
        out.println(indent + marker(e.level()) + line);
      }
    }
  }

  private static String marker(LogLevel level) {
    return switch (level) {
      case WARN -> "! ";
      case ERROR -> "✗ ";
      default -> "";
    };
  }
}
