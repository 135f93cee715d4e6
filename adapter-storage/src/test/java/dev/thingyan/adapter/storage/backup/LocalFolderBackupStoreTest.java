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

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
