package dev.thingyan.bootstrap.config;

import java.util.List;

/**
 * The {@code prechecks} section.
 *
 * @param minFreeDiskBytes {@code prechecks.min_free_disk}: usable bytes the app root's disk must have
 */
public record PrecheckConfig(long minFreeDiskBytes, List<AppPrecheck> app) {
  public PrecheckConfig {
    app = List.copyOf(app);
    if (minFreeDiskBytes < 0) {
      throw new IllegalArgumentException("prechecks.min_free_disk: must not be negative");
    }
    if (app.stream().map(AppPrecheck::name).distinct().count() != app.size()) {
      throw new IllegalArgumentException("prechecks.app: two prechecks have the same name;"
          + " give each a distinct name");
    }
  }
}
