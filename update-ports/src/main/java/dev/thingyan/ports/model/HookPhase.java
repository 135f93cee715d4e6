package dev.thingyan.ports.model;

import java.util.Locale;

/** The phases at which configured commands run. */
public enum HookPhase {
  /** In the staged release: install dependencies (e.g. {@code composer install --no-dev}). */
  INSTALL,
  /** In the staged release: warm caches. */
  WARM,
  /** In the staged release: database migrations. */
  MIGRATE,
  /** In the staged release, before the swap: an optional smoke test of the new code. */
  PREVIEW,
  /** In the now-current release, after each swap (also after a rollback's swap back): reloads. */
  POST_SWAP,
  /** Put the app into maintenance (in addition to the flag file). */
  MAINTENANCE_ON,
  /** Take the app out of maintenance. */
  MAINTENANCE_OFF;

  /** @return the configuration spelling, e.g. {@code post_swap}. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }
}
