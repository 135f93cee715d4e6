package dev.thingyan.bootstrap.config;

import dev.thingyan.ports.model.HookCommand;
import dev.thingyan.ports.model.HookPhase;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Binds {@code hooks.<phase>}: each entry a command string or {@code {run, timeout, only_if, runs_as}}. A
 * phase that is not configured takes the profile's default; {@code phase: []} turns it off.
 */
final class HookBinder {
  /** The timeout of a hook that does not give one. */
  static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(10);

  private HookBinder() {}

  static Optional<HooksConfig> hooks(ConfigNode hooks, Optional<AppConfig> app) {
    Set<String> keys = Stream.of(HookPhase.values()).map(HookPhase::key).collect(Collectors.toSet());
    hooks.allowOnly(keys);
    Map<HookPhase, List<HookCommand>> phases = new EnumMap<>(HookPhase.class);
    for (HookPhase phase : HookPhase.values()) {
      ConfigNode node = hooks.get(phase.key());
      List<HookCommand> commands = node.present() || hooksNodeHasKey(hooks, phase)
          ? node.list().stream().flatMap(e -> entry(e).stream()).toList()
          : app.map(a -> ProfileDefaults.hooks(a, phase)).orElse(List.of());
      phases.put(phase, commands);
    }
    return Optional.of(new HooksConfig(phases));
  }

  /** {@code install: []} or {@code install:} (null) is configured as "nothing", not left to the profile. */
  private static boolean hooksNodeHasKey(ConfigNode hooks, HookPhase phase) {
    return hooks.isMapping() && hooks.hasKey(phase.key());
  }

  private static Optional<HookCommand> entry(ConfigNode entry) {
    if (!entry.isMapping()) {
      return entry.text().map(run -> new HookCommand(run, DEFAULT_TIMEOUT, Optional.empty()));
    }
    entry.allowOnly(Set.of("run", "timeout", "only_if", "runs_as"));
    Optional<String> run = entry.get("run").required("give the command, e.g. php artisan config:cache");
    Duration timeout = CoreBinder.duration(entry.get("timeout"), DEFAULT_TIMEOUT);
    Optional<String> onlyIf = entry.get("only_if").text();
    HookCommand.RunsAs runsAs = runsAs(entry.get("runs_as"));
    return run.map(r -> new HookCommand(r, timeout, onlyIf, runsAs));
  }

  /** {@code runs_as: app} (default: as app.user when set) or {@code thingyan} (a service reload). */
  private static HookCommand.RunsAs runsAs(ConfigNode node) {
    return node.text().map(t -> switch (t) {
      case "app" -> HookCommand.RunsAs.APP;
      case "thingyan" -> HookCommand.RunsAs.THINGYAN;
      default -> {
        node.problem("'" + t + "' is not valid; expected app (as app.user) or thingyan (as thingyan's own user)");
        yield HookCommand.RunsAs.APP;
      }
    }).orElse(HookCommand.RunsAs.APP);
  }
}
