package dev.thingyan.adapter.storage.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.thingyan.ports.model.Version;
import dev.thingyan.ports.out.FaultPoints;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Persistent paths of {@code shared/} linked into each release, as Deployer does. */
class SharedLinksTest {
  private static final List<String> SHARED = List.of(".env", "storage", "bootstrap/cache",
      "database/database.sqlite");

  @TempDir Path tmp;
  private Path root;
  private FileSystemReleaseWorkspace workspace;

  @BeforeEach
  void setUp() {
    root = tmp.resolve("app");
    workspace = new FileSystemReleaseWorkspace(root, FaultPoints.NONE);
  }

  @Test
  void seedsSharedFromTheFirstReleaseThenLinksItWithRelativeLinks() throws IOException {
    Path release = release("1.0.0");
    Files.createDirectories(release.resolve("storage/logs"));
    Files.writeString(release.resolve("storage/logs/.gitignore"), "*");
    Files.writeString(release.resolve(".env"), "APP_ENV=production");

    workspace.linkShared(release, SHARED);

    assertThat(root.resolve("shared/storage/logs/.gitignore")).hasContent("*");
    assertThat(root.resolve("shared/.env")).hasContent("APP_ENV=production");
    assertThat(root.resolve("shared/bootstrap/cache")).isEmptyDirectory();
    assertThat(root.resolve("shared/database/database.sqlite")).isEmptyFile();
    assertThat(Files.readSymbolicLink(release.resolve("storage"))).isEqualTo(Path.of("../../shared/storage"));
    assertThat(Files.readSymbolicLink(release.resolve("bootstrap/cache")))
        .isEqualTo(Path.of("../../../shared/bootstrap/cache"));
    assertThat(release.resolve("database/database.sqlite").toRealPath())
        .isEqualTo(root.resolve("shared/database/database.sqlite").toRealPath());
  }

  @Test
  void replacesWhatALaterReleaseShipsAndKeepsSharedAsItIs() throws IOException {
    Path first = release("1.0.0");
    workspace.linkShared(first, SHARED);
    Files.writeString(root.resolve("shared/.env"), "DB_PASSWORD=kept");
    Files.writeString(root.resolve("shared/storage/booking.log"), "guest data stays");
    Path second = release("1.1.0");
    Files.createDirectories(second.resolve("storage"));
    Files.writeString(second.resolve("storage/booking.log"), "from the package");
    Files.writeString(second.resolve(".env"), "DB_PASSWORD=example");

    workspace.linkShared(second, SHARED);
    workspace.linkShared(second, SHARED); // recovery may run the step again

    assertThat(second.resolve(".env")).hasContent("DB_PASSWORD=kept");
    assertThat(second.resolve("storage/booking.log")).hasContent("guest data stays");
    assertThat(Files.isSymbolicLink(second.resolve("storage"))).isTrue();
  }

  @Test
  void refusesPathsThatLeaveTheRelease() {
    Path release = release("1.0.0");
    for (String bad : List.of("../etc", "/etc/passwd", "storage/../../x", "", "a\\b")) {
      assertThatThrownBy(() -> workspace.linkShared(release, List.of(bad)))
          .as(bad).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("shared path");
    }
    assertThat(root.resolve("shared")).doesNotExist();
  }

  @Test
  void refusesToLinkThroughALinkTheReleaseShipped() throws IOException {
    Path release = release("1.0.0");
    Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));
    Files.createSymbolicLink(release.resolve("bootstrap"), elsewhere);

    assertThatThrownBy(() -> workspace.linkShared(release, List.of("bootstrap/cache")))
        .isInstanceOf(UncheckedIOException.class).hasMessageContaining("which is a symbolic link");
    assertThat(elsewhere).isEmptyDirectory();
  }

  private Path release(String version) {
    return workspace.prepareStaging(Version.parse(version), Instant.parse("2025-01-02T03:04:05Z"));
  }
}
