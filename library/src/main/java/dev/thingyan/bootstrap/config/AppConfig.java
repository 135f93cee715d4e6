package dev.thingyan.bootstrap.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code app} section: the app root with its Deployer layout, and the profile.
 *
 * @param root {@code app.root}, absolute: holds {@code releases/}, {@code shared/}, {@code current}
 * @param sharedPaths {@code app.shared_paths}, relative to {@code shared/}, linked into every release
 * @param packageAssets {@code app.package_asset}: globs tried in order to pick the package asset
 * @param service {@code app.service}: the systemd unit of a {@code jvm-service}
 * @param phpFpmReload {@code app.php_fpm_reload}: laravel only, the command run after each swap to
 *     drop PHP-FPM's OPcache and realpath cache (off unless set)
 * @param user {@code app.user}: the user the app runs as (PHP-FPM's, e.g. www-data); hooks run as
 *     it and release folders and shared paths belong to it. Empty: thingyan's own user
 * @param group {@code app.group}: the group given the files; empty: the user's primary group
 * @param writablePaths {@code app.writable_paths}: paths of a release the app writes at run time
 *     (laravel: storage, bootstrap/cache), checked writable by the app user before an update
 */
public record AppConfig(Path root, Profile profile, List<String> sharedPaths,
    List<String> packageAssets, Optional<String> service, Optional<String> phpFpmReload,
    Optional<String> user, Optional<String> group, List<String> writablePaths) {

  private static final String SYSTEM_NAME = "[a-z_][a-z0-9_-]{0,31}";

  /** Without the app user: hooks run as thingyan's own user, as before. */
  public AppConfig(Path root, Profile profile, List<String> sharedPaths,
      List<String> packageAssets, Optional<String> service, Optional<String> phpFpmReload) {
    this(root, profile, sharedPaths, packageAssets, service, phpFpmReload, Optional.empty(),
        Optional.empty(), List.of());
  }

  public AppConfig {
    Objects.requireNonNull(root, "app.root");
    Objects.requireNonNull(profile, "app.profile");
    sharedPaths = List.copyOf(sharedPaths);
    packageAssets = List.copyOf(packageAssets);
    Objects.requireNonNull(service, "app.service");
    Objects.requireNonNull(phpFpmReload, "app.php_fpm_reload");
    Objects.requireNonNull(user, "app.user");
    Objects.requireNonNull(group, "app.group");
    writablePaths = List.copyOf(writablePaths);
    user.filter(u -> !u.matches(SYSTEM_NAME)).ifPresent(u -> {
      throw new IllegalArgumentException("app.user: '" + u + "' is not a user name, e.g. www-data");
    });
    group.filter(g -> !g.matches(SYSTEM_NAME)).ifPresent(g -> {
      throw new IllegalArgumentException("app.group: '" + g + "' is not a group name, e.g. www-data");
    });
    if (group.isPresent() && user.isEmpty()) {
      throw new IllegalArgumentException("app.group: give app.user too (the group alone changes"
          + " nothing), e.g. user: www-data, group: www-data");
    }
    for (String w : writablePaths) {
      if (w.isBlank() || w.startsWith("/") || List.of(w.split("/")).contains("..")) {
        throw new IllegalArgumentException("app.writable_paths: '" + w
            + "' must be a path inside the release, e.g. storage or bootstrap/cache");
      }
    }
    if (!root.isAbsolute()) {
      throw new IllegalArgumentException("app.root: must be an absolute path, e.g. /srv/pms");
    }
    for (String p : sharedPaths) {
      if (p.isBlank() || p.startsWith("/") || List.of(p.split("/")).contains("..")) {
        throw new IllegalArgumentException("app.shared_paths: '" + p
            + "' must be a path inside shared/, e.g. .env or storage");
      }
    }
    if (packageAssets.isEmpty()) {
      throw new IllegalArgumentException("app.package_asset: give a glob such as *.tar.gz");
    }
    if (profile == Profile.JVM_SERVICE && service.isEmpty()) {
      throw new IllegalArgumentException("app.service: required by profile jvm-service;"
          + " the systemd unit to restart after a swap, e.g. pms.service");
    }
    if (service.isPresent() && !service.get().matches("[A-Za-z0-9@._:-]+")) {
      throw new IllegalArgumentException("app.service: '" + service.get()
          + "' is not a systemd unit name, e.g. pms.service");
    }
  }

  /**
   * @return the file, relative to the current release, that the app's own maintenance mode
   *     leaves (Laravel: {@code storage/framework/down}), when the profile knows one
   */
  public Optional<String> appGateMarker() {
    return ProfileDefaults.appGateMarker(profile);
  }

  /** The layout folder thingyan keeps its own files in. */
  public Path stateDir() {
    return root.resolve(".thingyan");
  }
}
