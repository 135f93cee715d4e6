package dev.thingyan.bootstrap.config;

import dev.thingyan.ports.model.HookCommand;
import dev.thingyan.ports.model.HookPhase;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code hooks} section after the profile's defaults were applied: the ordered commands of
 * each phase. A phase absent here runs nothing.
 */
public record HooksConfig(Map<HookPhase, List<HookCommand>> phases) {
  public HooksConfig {
    EnumMap<HookPhase, List<HookCommand>> copy = new EnumMap<>(HookPhase.class);
    phases.forEach((phase, commands) -> copy.put(phase, List.copyOf(commands)));
    phases = java.util.Collections.unmodifiableMap(copy);
  }

  /** @return the commands of {@code phase}, in order; empty when none is configured. */
  public List<HookCommand> of(HookPhase phase) {
    return phases.getOrDefault(phase, List.of());
  }
}
