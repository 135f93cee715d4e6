package dev.thingyan.bootstrap.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** {@code app.profile}: which default hooks and shared paths the app gets. */
public enum Profile {
  /** No defaults: every hook is configured by hand. */
  GENERIC,
  /** A Laravel app (the spec's PMS): composer, artisan caches, migrations, queue restart. */
  LARAVEL,
  /** A JVM service run by systemd: restarted after each swap. */
  JVM_SERVICE;

  /** @return the configuration spelling, e.g. {@code jvm-service}. */
  public String key() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** @return the profile spelled as {@link #key()} returns it. */
  public static Optional<Profile> fromKey(String key) {
    return Arrays.stream(values()).filter(p -> p.key().equals(key)).findFirst();
  }
}
