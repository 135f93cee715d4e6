package dev.thingyan.bootstrap.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;

import dev.thingyan.adapter.jdbc.ConnectionSettings;
import dev.thingyan.adapter.jdbc.app.PostgresDumper;
import dev.thingyan.adapter.storage.backup.LocalFolderBackupStore;
import dev.thingyan.adapter.storage.backup.ZstdBackupCodec;
import dev.thingyan.adapter.storage.backup.ZstdProgram;
import dev.thingyan.domain.backup.BackupService;
import dev.thingyan.ports.model.BackupKind;
import dev.thingyan.ports.out.BackupCatalog;
import dev.thingyan.ports.out.BackupException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A backup that was stored but could not be recorded (the journal failed at that moment: the one
 * fault here is injected, the dump, the store and the codec are real) is removed from the store:
 * nothing would ever list, restore or prune it, and the caller was told the backup failed.
 */
class UnrecordedBackupTest {

  private TestPostgres db;
  @TempDir Path dir;

  @BeforeEach
  void createDatabase() throws Exception {
    db = TestPostgres.create("thingyan_unrecorded");
    db.sql("CREATE TABLE bookings (id SERIAL PRIMARY KEY, guest TEXT NOT NULL)",
        "INSERT INTO bookings (guest) VALUES ('Aye Aye')");
  }

  @AfterEach
  void dropDatabase() throws Exception {
    db.drop();
  }

  @Test
  void aBackupTheCatalogRefusesIsRemovedFromTheStore() throws Exception {
    Path backups = dir.resolve("backups");
    BackupCatalog catalog = mock(BackupCatalog.class);
    doThrow(new IllegalStateException("the journal database is down")).when(catalog).add(any());
    BackupService service = new BackupService(new PostgresDumper(new ConnectionSettings(db.url(), "postgres", "")),
        new LocalFolderBackupStore(backups), new ZstdBackupCodec(ZstdProgram.onPath()), catalog, Clock.systemUTC(),
        Duration.ofHours(2));

    assertThatThrownBy(() -> service.backup(BackupKind.MANUAL, Optional.empty(), Optional.empty(), p -> {}))
        .isInstanceOf(BackupException.class)
        .hasMessageContaining("was stored but could not be recorded in the journal (the journal database is down)")
        .hasMessageContaining("it was removed from local " + backups);
    try (Stream<Path> left = Files.list(backups)) {
      assertThat(left).as("nothing that looks like a backup").isEmpty();
    }
  }
}
