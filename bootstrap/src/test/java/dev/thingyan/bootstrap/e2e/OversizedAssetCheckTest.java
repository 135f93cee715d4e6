package dev.thingyan.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.thingyan.bootstrap.demo.DemoRelease;
import dev.thingyan.bootstrap.demo.SampleEdition;
import dev.thingyan.ports.in.UpdateCheck;
import dev.thingyan.ports.in.UpdateRequest;
import dev.thingyan.ports.model.RunOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A release whose SHA256SUMS the listing announces at its real size, while a mirror in between
 * answers its download with 300 MiB (a proxy gone wrong, or one that lies): {@code check} refuses
 * it from the answer's length, before the body, and leaves nothing large on the disk.
 */
class OversizedAssetCheckTest {
  @TempDir Path dir;

  @Test
  void checkRefusesAnOversizedChecksumListAndWritesNothingLarge() throws IOException {
    try (LyingMirror mirror = new LyingMirror("SHA256SUMS");
        Sandbox sandbox = new Sandbox(dir, mirror::takeOver)) {
      DemoRelease release = sandbox.releases.of(SampleEdition.V1, "1.0.0").build();
      sandbox.env.server().publish(release);
      long announced = Files.size(release.dir().resolve("SHA256SUMS"));

      UpdateCheck check = sandbox.system.checkForUpdates().check(
          new UpdateRequest(Sandbox.ADMIN, Optional.empty(), RunOptions.DEFAULT));

      assertThat(check.ready()).isFalse();
      assertThat(check.findings()).anySatisfy(f -> assertThat(f.detail())
          .contains("may hold at most " + announced + " bytes",
              "answered with a length of " + LyingMirror.LIE));
      assertThat(largestFileUnder(sandbox.env.appRoot())).isLessThan(64 << 10);
      assertThat(mirror.sent()).isLessThan(LyingMirror.LIE);
    }
  }

  private static long largestFileUnder(Path root) throws IOException {
    try (Stream<Path> all = Files.walk(root)) {
      return all.filter(Files::isRegularFile).mapToLong(p -> {
        try {
          return Files.size(p);
        } catch (IOException e) {
          return 0;
        }
      }).max().orElse(0);
    }
  }
}
