package dev.thingyan.e2e;

import dev.thingyan.bootstrap.demo.DemoRelease;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Sample PMS releases built by {@code e2e/release.sh}, the way the app's CI builds them (real
 * {@code tar}, {@code sha256sum}, {@code minisign -S}), then published on the loopback GitHub
 * server or copied into the folder source.
 */
final class Releases {

  private final Path e2eDir;
  private final Path out;
  private final Path secretKey;

  Releases(Path e2eDir, Path out, Path secretKey) {
    this.e2eDir = e2eDir;
    this.out = out;
    this.secretKey = secretKey;
  }

  /** One built release: its folder holds exactly its assets plus NOTES.md. */
  record Built(String version, Path dir) {
    List<Path> assets() {
      return List.of(dir.resolve("app-" + version + ".tar.gz"), dir.resolve("release.json"),
          dir.resolve("SHA256SUMS"), dir.resolve("SHA256SUMS.minisig"));
    }

    String notes() {
      try {
        return Files.readString(dir.resolve("NOTES.md"));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    DemoRelease forGitHub() {
      return new DemoRelease(version, "v" + version, "Sample PMS v" + version, notes(), dir, assets());
    }
  }

  /** Builds {@code version} from the changes of {@code filesOf}; marker: a migration of its own. */
  Built build(String version, String filesOf, boolean markerMigration) {
    Path dir = out.resolve("v" + version);
    Proc.run(Duration.ofMinutes(2), e2eDir, Map.of("MARKER_MIGRATION", markerMigration ? "1" : "0"),
        List.of(e2eDir.resolve("release.sh").toString(), version, dir.toString(), secretKey.toString(),
            filesOf)).ok();
    return new Built(version, dir);
  }

  Built build(String version) {
    return build(version, version, false);
  }

  /** Copies a release into the folder source: {@code <folder>/v<version>/} with its notes. */
  static void copyToFolder(Built release, Path folder) {
    try {
      Path target = Files.createDirectories(folder.resolve("v" + release.version()));
      for (Path asset : release.assets()) {
        Files.copy(asset, target.resolve(asset.getFileName()), StandardCopyOption.REPLACE_EXISTING);
      }
      Files.copy(release.dir().resolve("NOTES.md"), target.resolve("NOTES.md"),
          StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
