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
 */
public record AppConfig(Path root, Profile profile, List<String> sharedPaths,
    List<String> packageAssets, Optional<String> service, Optional<String> phpFpmReload) {

  public AppConfig {
    Objects.requireNonNull(root, "app.root");
    Objects.requireNonNull(profile, "app.profile");
    sharedPaths = List.copyOf(sharedPaths);
    packageAssets = List.copyOf(packageAssets);
    Objects.requireNonNull(service, "app.service");
    Objects.requireNonNull(phpFpmReload, "app.php_fpm_reload");
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
