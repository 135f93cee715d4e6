package dev.thingyan.adapter.storage.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The preview link: pointed at the staged release by a rename, removed on stop and after a crash. */
class LinkPreviewServerTest {

  @TempDir Path dir;

  @Test
  void pointsTheLinkAtTheReleaseAndRemovesItOnStop() throws Exception {
    Path state = dir.resolve(".thingyan");
    Path older = Files.createDirectories(dir.resolve("releases/1.1.0-1"));
    Path staged = Files.createDirectories(dir.resolve("releases/1.2.0-2"));
    LinkPreviewServer server = new LinkPreviewServer(state, URI.create("http://127.0.0.1:8181"));

    server.start(older, (err, line) -> {});
    URI origin = server.start(staged, (err, line) -> {});

    assertThat(origin).isEqualTo(URI.create("http://127.0.0.1:8181"));
    assertThat(Files.readSymbolicLink(state.resolve("preview"))).isEqualTo(staged);
    try (var names = Files.list(state)) {
      assertThat(names.map(p -> p.getFileName().toString())).containsExactly("preview");
    }
    assertThat(server.stop()).singleElement().asString().contains("removed the preview link").contains("1.2.0-2");
    assertThat(state.resolve("preview")).doesNotExist();
    assertThat(staged).isDirectory();
    assertThat(server.stop()).isEmpty();
  }

  @Test
  void aLinkAndAHalfMadeLinkAKilledProcessLeftAreRemoved() throws Exception {
    Path state = Files.createDirectories(dir.resolve(".thingyan"));
    Path staged = Files.createDirectories(dir.resolve("releases/1.2.0-2"));
    Files.createSymbolicLink(state.resolve("preview"), staged);
    Files.createSymbolicLink(state.resolve("preview.tmp-1a2b3c4d"), staged);
    Files.writeString(state.resolve("maintenance"), "not the preview's\n");

    assertThat(new LinkPreviewServer(state, URI.create("http://127.0.0.1:8181")).stop()).hasSize(2);

    assertThat(state.resolve("preview")).doesNotExist();
    assertThat(state.resolve("preview.tmp-1a2b3c4d")).doesNotExist();
    assertThat(state.resolve("maintenance")).exists();
  }
}
