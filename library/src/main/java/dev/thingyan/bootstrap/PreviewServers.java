package dev.thingyan.bootstrap;

import dev.thingyan.adapter.storage.command.CommandPreviewServer;
import dev.thingyan.adapter.storage.owner.AppUser;
import dev.thingyan.adapter.storage.release.LinkPreviewServer;
import dev.thingyan.bootstrap.config.PreviewConfig;
import dev.thingyan.bootstrap.config.ThingyanConfig;
import dev.thingyan.ports.out.PreviewServer;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * The preview server {@code health.preview} asks for; with the preview off, one that only removes
 * what an earlier preview left after a crash.
 */
final class PreviewServers {
  private PreviewServers() {}

  /**
   * @param appUser the app user; the throwaway server runs as it (like the hooks) when thingyan is
   *     another user (root: the builder has refused any other combination already)
   */
  static Optional<PreviewServer> of(ThingyanConfig config, Optional<AppUser> appUser) {
    PreviewConfig p = config.health().preview();
    Optional<AppUser> runAs = appUser.filter(u -> u.uid() != AppUser.current().uid());
    return Optional.of(switch (p.mode()) {
      case OFF -> new PreviewLeftovers(List.of(
          new LinkPreviewServer(config.app().stateDir(), URI.create("http://127.0.0.1")),
          new CommandPreviewServer(CommandPreviewServer.PHP_BUILT_IN, 0, p.startTimeout(), config.app().stateDir(), runAs)));
      case LINK -> new LinkPreviewServer(config.app().stateDir(), p.url().orElseThrow());
      case COMMAND -> new CommandPreviewServer(p.command().orElseThrow(), p.port(), p.startTimeout(),
          config.app().stateDir(), runAs);
    });
  }
}
