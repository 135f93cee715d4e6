package dev.thingyan.ports.in;

import java.util.Objects;

/**
 * One precheck's result with its reason, as the precheck report shows it.
 *
 * @param name a stable key, e.g. {@code no_active_run}, {@code disk_space}, {@code app:open_folios}
 * @param blocking whether a failure stops the update (otherwise it is a warning)
 */
public record PrecheckFinding(String name, boolean passed, boolean blocking, String detail) {
  public PrecheckFinding {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(detail, "detail");
  }

  /** @return true when this finding stops the update. */
  public boolean blocks() {
    return blocking && !passed;
  }
}
