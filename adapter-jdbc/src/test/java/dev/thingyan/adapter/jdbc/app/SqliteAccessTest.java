package dev.thingyan.adapter.jdbc.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.thingyan.ports.model.AccessCheckResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteAccessTest {
  @TempDir Path dir;

  @Test
  void aWritableFileAndFolderPass() throws Exception {
    Path db = Files.writeString(dir.resolve("app.sqlite"), "");

    AccessCheckResult r = new SqliteAccess(db, dir.resolve("state/tmp")).check();

    assertThat(r.ok()).as(r.detail()).isTrue();
    assertThat(r.detail()).contains("may back up and restore " + db);
  }

  @Test
  void aMissingDatabaseIsReported() {
    AccessCheckResult r = new SqliteAccess(dir.resolve("none.sqlite"), dir).check();

    assertThat(r.ok()).isFalse();
    assertThat(r.detail()).contains("does not exist; check database.path");
  }

  @Test
  void aReadOnlyFileIsReportedWithItsFixUnlessRootWritesAnyway() throws Exception {
    Path db = Files.writeString(dir.resolve("app.sqlite"), "");
    Files.setPosixFilePermissions(db, PosixFilePermissions.fromString("r--r--r--"));

    AccessCheckResult r = new SqliteAccess(db, dir).check();

    // root may write a read-only file, as the restore would: then the check rightly passes
    assertThat(r.ok()).isEqualTo(Files.isWritable(db));
    if (!r.ok()) {
      assertThat(r.fixes()).anyMatch(f -> f.startsWith("chown "));
    }
  }
}
