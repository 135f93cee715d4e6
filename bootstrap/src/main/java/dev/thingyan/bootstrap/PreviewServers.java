package dev.thingyan.bootstrap;

import dev.thingyan.adapter.storage.command.CommandPreviewServer;
import dev.thingyan.adapter.storage.owner.AppUser;
import dev.thingyan.adapter.storage.release.LinkPreviewServer;
import dev.thingyan.bootstrap.config.PreviewConfig;
import dev.thingyan.bootstrap.config.ThingyanConfig;
import dev.thingyan.ports.out.PreviewServer;
import java.util.Optional;

/** The preview server {@code health.preview} asks for. */
final class PreviewServers {
  private PreviewServers() {}

  /**
   * @param appUser the app user; the throwaway server runs as it (like the hooks) when thingyan is
   *     another user (root: the builder has refused any other combination already)
   */
  static Optional<PreviewServer> of(ThingyanConfig config, Optional<AppUser> appUser) {
    PreviewConfig p = config.health().preview();
    return switch (p.mode()) {
      case OFF -> Optional.empty();
      case LINK -> Optional.of(new LinkPreviewServer(config.app().stateDir(), p.url().orElseThrow()));
      case COMMAND -> Optional.of(new CommandPreviewServer(p.command().orElseThrow(), p.port(), p.startTimeout(),
          config.app().stateDir(), appUser.filter(u -> u.uid() != AppUser.current().uid())));
    };
  }
}
