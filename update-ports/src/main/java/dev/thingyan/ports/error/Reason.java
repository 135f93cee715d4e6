package dev.thingyan.ports.error;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Why something was refused or failed, as a message code and its arguments, so that each edge (the
 * CLI, an HTTP API, a host's UI) renders it in the reader's language from its own catalogue
 * instead of showing a sentence the domain wrote in English.
 *
 * <p>Until every message has its own code, a reason may be {@link #legacy(String) legacy}: code
 * {@value #LEGACY} with the English text as argument {@code text}.
 *
 * @param code stable, dotted, lower case (e.g. {@code run.refused.busy}); never shown as is
 * @param args the values the message names, in the order the catalogue entry uses them
 */
public record Reason(String code, Map<String, Object> args) {

  /** The code of a reason that is still an English sentence (argument {@code text}). */
  public static final String LEGACY = "legacy.text";

  public Reason {
    Objects.requireNonNull(code, "code");
    if (code.isBlank()) {
      throw new IllegalArgumentException("code: blank; a reason needs a stable code");
    }
    Objects.requireNonNull(args, "args");
    // insertion order kept (a catalogue's {0}, {1} follow it); values never null
    Map<String, Object> copy = new LinkedHashMap<>();
    args.forEach((k, v) -> copy.put(Objects.requireNonNull(k, "args key"),
        Objects.requireNonNull(v, () -> "args." + k)));
    args = Collections.unmodifiableMap(copy);
  }

  /** @return a reason with no arguments */
  public static Reason of(String code) {
    return new Reason(code, Map.of());
  }

  /**
   * @param keysAndValues alternating argument names and values
   * @return a reason whose arguments keep the order given
   */
  public static Reason of(String code, Object... keysAndValues) {
    if (keysAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("keysAndValues: expected name, value pairs");
    }
    Map<String, Object> args = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      args.put(String.valueOf(keysAndValues[i]), keysAndValues[i + 1]);
    }
    return new Reason(code, args);
  }

  /** @return the reason for an English sentence not yet given a code of its own */
  public static Reason legacy(String text) {
    return new Reason(LEGACY, Map.of("text", text == null ? "" : text));
  }

  /** @return the English text of a {@link #legacy(String) legacy} reason, or the code */
  public String fallbackText() {
    return LEGACY.equals(code) ? String.valueOf(args.get("text")) : code + args;
  }
}
