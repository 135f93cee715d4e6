package dev.thingyan.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.thingyan.bootstrap.config.ConfigFiles;
import dev.thingyan.bootstrap.config.ConfigLoader;
import dev.thingyan.bootstrap.config.ThingyanConfig;
import dev.thingyan.ports.out.PreviewServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code health.preview} wires: with the preview off, a server that only removes leftovers. */
class PreviewServersTest {

  @TempDir Path dir;

  private ThingyanConfig config(String health) {
    String yaml = ConfigFiles.MINIMAL.replace("/srv/pms", dir.resolve("app").toString())
        .replace("health:\n  checks: [{type: database}]", health);
    return ConfigLoader.load(ConfigFiles.write(dir, yaml));
  }

  @Test
  void withThePreviewOffNothingServesButALinkAnEarlierPreviewLeftIsRemoved() throws Exception {
    PreviewServer off = PreviewServers.of(config("health:\n  checks: [{type: database}]"), Optional.empty())
        .orElseThrow();
    Path state = Files.createDirectories(dir.resolve("app/.thingyan"));
    Path staged = Files.createDirectories(dir.resolve("app/releases/1.2.0-1"));
    Files.createSymbolicLink(state.resolve("preview"), staged);

    assertThat(off.serves()).isFalse();
    assertThat(off.stop()).singleElement().asString().contains("removed the preview link");
    assertThat(state.resolve("preview")).doesNotExist();
    assertThat(off.stop()).isEmpty();
  }

  @Test
  void aUrlWiresTheLinkAndTheLaravelProfileThePhpServer() {
    String http = "health:\n  checks: [{type: http, url: http://127.0.0.1/health}]";
    PreviewServer link = PreviewServers.of(config(http + "\n  preview:\n    url: http://127.0.0.1:8081"),
        Optional.empty()).orElseThrow();
    assertThat(link.serves()).isTrue();
    assertThat(link.describe()).contains("http://127.0.0.1:8081").contains(".thingyan/preview");

    String yaml = ConfigFiles.MINIMAL.replace("/srv/pms", dir.resolve("app") + "\n  profile: laravel")
        .replace("health:\n  checks: [{type: database}]", http);
    PreviewServer php = PreviewServers.of(ConfigLoader.load(ConfigFiles.write(dir, yaml)), Optional.empty())
        .orElseThrow();
    assertThat(php.describe()).contains("php -S 127.0.0.1:{port} -t {release}/public");
  }
}
