package dev.thingyan.bootstrap.config;

import dev.thingyan.ports.model.HookCommand;
import dev.thingyan.ports.model.HookPhase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The hooks a profile supplies for the phases the configuration leaves out. */
final class ProfileDefaults {
  static final String COMPOSER_INSTALL =
      "composer install --no-dev --prefer-dist --no-interaction --optimize-autoloader";

  /**
   * Runs the migration unless {@code migrate:status} succeeded and lists nothing pending (Laravel
   * 8 prints {@code | No |} rows, 9+ prints {@code Pending}). When the status itself fails (no
   * migrations table yet) the migration runs, so "skipped" reliably means "nothing was pending".
   */
  static final String MIGRATIONS_PENDING = "out=$(php artisan migrate:status --no-ansi 2>&1)"
      + " || exit 0; printf '%s\\n' \"$out\" | grep -Eq 'Pending|\\| No '";

  /**
   * Laravel's gate with thingyan's bypass: {@code GET /<secret>} sets the cookie the health probes
   * send, so checks behind the gate (a rollback's, a {@code maintenance_required} update's) see
   * the app while guests get 503 with {@code Retry-After: 60}.
   */
  static final String LARAVEL_DOWN = "php artisan down --retry=60 --secret=\"$THINGYAN_GATE_SECRET\"";

  /** What Laravel's own {@code down} leaves in the release (through the shared storage/). */
  static final String LARAVEL_DOWN_MARKER = "storage/framework/down";

  /**
   * The laravel profile's preview when no web-server preview site is configured: PHP's built-in
   * server for the staged release, on a free loopback port ({@code health.preview}).
   */
  static final String PREVIEW_COMMAND = "php -S 127.0.0.1:{port} -t {release}/public";

  private ProfileDefaults() {}

  /** @return the file the profile's app leaves while it is down by its own gate */
  static Optional<String> appGateMarker(Profile profile) {
    return profile == Profile.LARAVEL ? Optional.of(LARAVEL_DOWN_MARKER) : Optional.empty();
  }

  static List<HookCommand> hooks(AppConfig app, HookPhase phase) {
    return switch (app.profile()) {
      case LARAVEL -> laravel(app, phase);
      case JVM_SERVICE -> phase == HookPhase.POST_SWAP
          ? List.of(service("sudo systemctl restart " + app.service().orElseThrow()))
          : List.of();
      case GENERIC -> List.of();
    };
  }

  private static List<HookCommand> laravel(AppConfig app, HookPhase phase) {
    return switch (phase) {
      case INSTALL -> List.of(new HookCommand(COMPOSER_INSTALL, Duration.ofMinutes(20),
          Optional.of("test ! -d vendor")));
      case WARM -> List.of(cmd("php artisan config:cache", 5), cmd("php artisan route:cache", 5),
          cmd("php artisan view:cache", 5));
      case MIGRATE -> List.of(new HookCommand("php artisan migrate --force", Duration.ofMinutes(30),
          Optional.of(MIGRATIONS_PENDING)));
      case POST_SWAP -> postSwap(app);
      case MAINTENANCE_ON -> List.of(cmd(LARAVEL_DOWN, 2));
      case MAINTENANCE_OFF -> List.of(cmd("php artisan up", 2));
      case PREVIEW -> List.of();
    };
  }

  // OPcache and the realpath cache keep serving the old release's files until PHP-FPM reloads
  private static List<HookCommand> postSwap(AppConfig app) {
    List<HookCommand> commands = new ArrayList<>(List.of(cmd("php artisan queue:restart", 2)));
    app.phpFpmReload().ifPresent(reload -> commands.add(service(reload)));
    return commands;
  }

  /** A service reload or restart: thingyan's own privileges, not the app user's. */
  private static HookCommand service(String run) {
    return new HookCommand(run, Duration.ofMinutes(2), Optional.empty(), HookCommand.RunsAs.THINGYAN);
  }

  private static HookCommand cmd(String run, int minutes) {
    return new HookCommand(run, Duration.ofMinutes(minutes), Optional.empty());
  }
}
