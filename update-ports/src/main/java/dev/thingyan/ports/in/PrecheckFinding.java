package dev.thingyan.ports.in;

import java.util.List;
import java.util.Objects;

/**
 * One precheck's result with its reason, as the precheck report shows it.
 *
 * @param name a stable key, e.g. {@code no_active_run}, {@code disk_space}, {@code app:open_folios}
 * @param blocking whether a failure stops the update (otherwise it is a warning)
 * @param fixes commands that fix a failure (a GRANT, a {@code chown -R}), language-neutral, one
 *     line each; shown under the front end's own words
 */
public record PrecheckFinding(String name, boolean passed, boolean blocking, String detail,
    List<String> fixes) {
  public PrecheckFinding {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(detail, "detail");
    fixes = List.copyOf(fixes);
  }

  /** A finding with nothing to run to fix it. */
  public PrecheckFinding(String name, boolean passed, boolean blocking, String detail) {
    this(name, passed, blocking, detail, List.of());
  }

  /** @return true when this finding stops the update. */
  public boolean blocks() {
    return blocking && !passed;
  }
}
