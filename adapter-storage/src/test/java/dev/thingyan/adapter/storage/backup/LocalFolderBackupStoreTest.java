package dev.thingyan.adapter.storage.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.thingyan.ports.model.StoredObject;
import dev.thingyan.ports.out.BackupException;
import dev.thingyan.ports.out.BackupStore.Upload;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A backup is either complete under its key or not there at all. */
class LocalFolderBackupStoreTest {

  @TempDir Path dir;

  @Test
  void makesTheObjectVisibleOnlyOnCommit() throws IOException {
    LocalFolderBackupStore store = new LocalFolderBackupStore(dir.resolve("backups"));
    StoredObject stored;
    try (Upload upload = store.create("2025-04-13T10-00-00Z-pre-update.sql.zst")) {
      upload.stream().write(bytes("CREATE TABLE guests;"));
      upload.stream().close(); // codecs close the stream they encode into; commit must still work
      assertThat(store.list()).isEmpty();
      assertThat(files(dir.resolve("backups"))).singleElement().asString()
          .startsWith(".2025-04-13T10-00-00Z-pre-update.sql.zst.partial-");
      stored = upload.commit();
    }

    assertThat(stored).isEqualTo(new StoredObject("2025-04-13T10-00-00Z-pre-update.sql.zst", 20));
    assertThat(store.list()).containsExactly(stored);
    assertThat(files(dir.resolve("backups"))).containsExactly(stored.key());
    try (InputStream in = store.open(stored.key())) {
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("CREATE TABLE guests;");
    }
  }

  @Test
  void leavesNothingWhenTheDumpFailsMidWrite() throws IOException {
    LocalFolderBackupStore store = new LocalFolderBackupStore(dir);

    assertThatThrownBy(() -> {
      try (Upload upload = store.create("b1"); OutputStream out = upload.stream()) {
        out.write(new byte[3 << 20]);
        throw new IOException("pg_dump exited 1");
      }
    }).hasMessage("pg_dump exited 1");

    assertThat(store.list()).isEmpty();
    assertThat(files(dir)).isEmpty();
  }

  @Test
  void abortDropsTheWriteAndCommitAfterAbortIsRefused() throws IOException {
    LocalFolderBackupStore store = new LocalFolderBackupStore(dir);
    Upload upload = store.create("b1");
    upload.stream().write(bytes("partial"));

    upload.abort();

    assertThat(files(dir)).isEmpty();
    assertThatThrownBy(upload::commit).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> upload.stream().write(1)).isInstanceOf(IOException.class);
  }

  @Test
  void refusesToOverwriteAnExistingBackup() throws IOException {
    LocalFolderBackupStore store = new LocalFolderBackupStore(dir);
    try (Upload upload = store.create("b1")) {
      upload.stream().write(bytes("first"));
      upload.commit();
    }

    assertThatThrownBy(() -> store.create("b1"))
        .isInstanceOf(BackupException.class)
        .hasMessageContaining("already exists")
        .hasMessageContaining("never overwritten");
    assertThat(Files.readString(dir.resolve("b1"))).isEqualTo("first");
  }

  @Test
  void refusesKeysThatAreNotPlainFileNames() {
    LocalFolderBackupStore store = new LocalFolderBackupStore(dir);

    for (String bad : new String[] {"", "a/b", "..", "../x", "x..y", ".hidden", "a\\b", "a\nb",
        "k".repeat(201)}) {
      assertThatThrownBy(() -> store.create(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> store.open(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> store.delete(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
    }
    store.create("k".repeat(200)).close();
    assertThat(files(dir)).isEmpty();
  }

  @Test
  void deletesAndOpensOnlyWhatExists() throws IOException {
    LocalFolderBackupStore store = new LocalFolderBackupStore(dir);
    try (Upload upload = store.create("b1")) {
      upload.commit();
    }

    store.delete("b1");
    store.delete("b1");

    assertThat(store.list()).isEmpty();
    assertThatThrownBy(() -> store.open("b1"))
        .isInstanceOf(BackupException.class)
        .hasMessageContaining("There is no backup 'b1'");
  }

  @Test
  void listingAFolderThatCannotBeReadThrows() throws IOException {
    Path folder = dir.resolve("backups");
    LocalFolderBackupStore store = new LocalFolderBackupStore(folder);
    Files.delete(folder);
    Files.writeString(folder, "a file where the folder was");

    assertThatThrownBy(store::list)
        .isInstanceOf(BackupException.class)
        .hasMessageContaining("Cannot list the backup folder")
        .hasMessageContaining("nothing will be deleted");
  }

  @Test
  void keepsBackupsReadableByTheirOwnerOnly() throws IOException {
    Path folder = dir.resolve("made").resolve("backups");
    LocalFolderBackupStore store = new LocalFolderBackupStore(folder);
    try (Upload upload = store.create("b1")) {
      upload.stream().write(bytes("INSERT INTO guests VALUES ('Daw Aye Aye')"));
      assertThat(permissions(folder.resolve(files(folder).get(0)))).as("partial file").isEqualTo("rw-------");
      upload.commit();
    }

    assertThat(permissions(folder.resolve("b1"))).isEqualTo("rw-------");
    assertThat(permissions(folder)).as("the folder it made").isEqualTo("rwx------");
    assertThat(permissions(folder.getParent())).as("a parent it made").isNotEqualTo("rwx------");
  }

  @Test
  void sweepsThePartialFilesOfStoppedWritersAndNothingElse() throws IOException {
    LocalFolderBackupStore store = new LocalFolderBackupStore(dir);
    try (Upload done = store.create("b1")) {
      done.stream().write(bytes("kept"));
      done.commit();
    }
    Path killed = dir.resolve(".b2.partial-00112233aabbccdd"); // a process killed mid-dump left it
    Files.write(killed, new byte[4096]);
    Files.setLastModifiedTime(killed, FileTime.from(Instant.now().minus(Duration.ofHours(2))));
    Path other = dir.resolve(".notes"); // hidden, but not ours
    Files.writeString(other, "admin's");
    Files.setLastModifiedTime(other, FileTime.from(Instant.now().minus(Duration.ofHours(2))));
    Files.setLastModifiedTime(dir.resolve("b1"), FileTime.from(Instant.now().minus(Duration.ofHours(2))));

    try (Upload live = store.create("b3")) {
      live.stream().write(bytes("being written"));
      List<String> swept = store.sweepAbandoned(Instant.now().minus(Duration.ofHours(1)));

      assertThat(swept).containsExactly(".b2.partial-00112233aabbccdd (4096 bytes)");
      assertThat(files(dir)).as("the live upload's partial file, the backup and the other file stay")
          .hasSize(3).contains("b1", ".notes");
      live.commit();
    }
    assertThat(store.list()).extracting(StoredObject::key).containsExactly("b1", "b3");
    assertThat(store.sweepAbandoned(Instant.now())).isEmpty();
  }

  @Test
  void describesItselfByItsFolder() {
    assertThat(new LocalFolderBackupStore(dir).describe()).isEqualTo("local " + dir);
  }

  private static List<String> files(Path folder) {
    try (Stream<Path> names = Files.list(folder)) {
      return names.map(p -> p.getFileName().toString()).sorted().toList();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String permissions(Path path) throws IOException {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
