package dev.thingyan.bootstrap.cli;

import dev.thingyan.bootstrap.config.AppPrecheck;
import dev.thingyan.bootstrap.config.Language;
import dev.thingyan.bootstrap.config.ThingyanConfig;
import dev.thingyan.ports.model.Run;
import dev.thingyan.ports.model.RunState;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The admin's own reasons of the configured app prechecks ({@code prechecks.app[].reason}), in
 * the CLI's language. The core knows an app precheck by its finding name {@code app:<name>} only;
 * the words are configuration, so they are looked up here, at the edge that prints them.
 */
final class AppReasons {
  static final AppReasons NONE = new AppReasons(Map.of());
  private static final String PREFIX = "app:";

  private final Map<String, String> byFinding;

  private AppReasons(Map<String, String> byFinding) {
    this.byFinding = byFinding;
  }

  static AppReasons of(ThingyanConfig config, Language language) {
    Map<String, String> map = new LinkedHashMap<>();
    for (AppPrecheck p : config.prechecks().app()) {
      p.reason().ifPresent(r -> map.put(PREFIX + p.name(), r.in(language)));
    }
    return new AppReasons(map);
  }

  /** @return the reason of the app precheck that produced this finding, if one is configured. */
  Optional<String> forFinding(String findingName) {
    return Optional.ofNullable(byFinding.get(findingName));
  }

  /**
   * @return for a run the prechecks stopped, each configured reason of an app precheck that its
   *     recorded reason names ({@code precheck failed: app:open_folios: ...}), as {@code
   *     [name, reason]} pairs in configuration order
   */
  List<String[]> inRun(Run run) {
    if (run.state() != RunState.PRECHECK_FAILED || run.reason().isEmpty()) {
      return List.of();
    }
    String recorded = run.reason().get();
    return byFinding.entrySet().stream()
        .filter(e -> recorded.contains(e.getKey() + ":"))
        .map(e -> new String[] {e.getKey(), e.getValue()})
        .toList();
  }
}
