package dev.thingyan.adapter.storage.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.thingyan.adapter.storage.owner.AppUser;
import dev.thingyan.adapter.storage.owner.Ownership;
import dev.thingyan.ports.model.ExtractionLimits;
import dev.thingyan.ports.model.Version;
import dev.thingyan.ports.out.FaultPoints;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With app.user, a release and the shared paths belong to the app user (run as root). */
class OwnedWorkspaceTest {
  @TempDir Path tmp;

  @Test
  void extractedReleaseAndNewSharedPathsBelongToTheAppUser() throws Exception {
    assumeTrue(AppUser.current().isRoot(), "giving files away needs root");
    AppUser www = AppUser.lookup("www-data", Optional.empty());
    FileSystemReleaseWorkspace workspace = new FileSystemReleaseWorkspace(tmp.resolve("app"),
        FaultPoints.NONE, Optional.of(new Ownership(www,
            FileSystems.getDefault().getUserPrincipalLookupService())));
    Files.createDirectories(tmp.resolve("app/shared"));
    Files.writeString(tmp.resolve("app/shared/.env"), "APP_KEY=x");
    Files.setOwner(tmp.resolve("app/shared/.env"), FileSystems.getDefault().getUserPrincipalLookupService()
        .lookupPrincipalByName("root"));
    Path archive = TarBuilder.tar().file("artisan", "<?php".getBytes(), 0755)
        .file("bootstrap/cache/.gitignore", "*").file("storage/framework/views/.gitignore", "*")
        .symlink("public/storage", "../storage").writeTo(tmp.resolve("app.tar.gz"));
    Path staging = workspace.prepareStaging(Version.parse("1.0.0"), Instant.parse("2026-12-07T10:00:00Z"));

    workspace.extract(archive, staging, ExtractionLimits.DEFAULT);
    workspace.linkShared(staging, List.of(".env", "storage"));

    try (Stream<Path> all = Files.walk(staging)) {
      assertThat(all.map(p -> owner(p))).containsOnly("www-data:www-data");
    }
    try (Stream<Path> all = Files.walk(tmp.resolve("app/shared/storage"))) {
      assertThat(all.map(p -> owner(p))).containsOnly("www-data:www-data");
    }
    assertThat(owner(tmp.resolve("app/shared"))).isEqualTo("www-data:www-data");
    // an existing shared file keeps its owner: the install guide keeps .env root:www-data 640
    assertThat(owner(tmp.resolve("app/shared/.env"))).isEqualTo("root:root");
  }

  private static String owner(Path p) {
    try {
      var a = Files.readAttributes(p, java.nio.file.attribute.PosixFileAttributes.class,
          LinkOption.NOFOLLOW_LINKS);
      return a.owner().getName() + ":" + a.group().getName();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
