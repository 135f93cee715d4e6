package dev.thingyan.bootstrap.config;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code health.preview}: how a staged release is served privately before the swap, so the HTTP
 * health checks prove it answers before one production request reaches it.
 *
 * @param mode {@code link}: the web server's loopback-only preview site, whose root goes through
 *     {@code <app_root>/.thingyan/preview} (the faithful check); {@code command}: a throwaway
 *     server started by {@code command}; {@code off}: the release is first checked after the swap
 * @param url {@code link} mode: the origin of the web server's preview site (a loopback address)
 * @param command {@code command} mode: {@code {port}} and {@code {release}} are substituted
 * @param port {@code command} mode: the port for {@code {port}}; 0 picks a free loopback port
 * @param startTimeout {@code command} mode: how long the server may take to listen
 */
public record PreviewConfig(Mode mode, Optional<URI> url, Optional<String> command, int port, Duration startTimeout) {

  /** How the preview is served. */
  public enum Mode { OFF, LINK, COMMAND }

  /** No preview. */
  public static final PreviewConfig OFF = new PreviewConfig(Mode.OFF, Optional.empty(), Optional.empty(), 0,
      Duration.ofSeconds(20));

  public PreviewConfig {
    Objects.requireNonNull(mode, "health.preview.mode");
    Objects.requireNonNull(url, "health.preview.url");
    Objects.requireNonNull(command, "health.preview.command");
    Objects.requireNonNull(startTimeout, "health.preview.start_timeout");
    if (mode == Mode.LINK && url.isEmpty()) {
      throw new IllegalArgumentException("health.preview.url: the link mode needs the preview site's address");
    }
    if (mode == Mode.COMMAND && command.isEmpty()) {
      throw new IllegalArgumentException("health.preview.command: the command mode needs the command");
    }
  }
}
