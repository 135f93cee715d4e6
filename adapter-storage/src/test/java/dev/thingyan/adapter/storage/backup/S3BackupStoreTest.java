package dev.thingyan.adapter.storage.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.thingyan.ports.model.StoredObject;
import dev.thingyan.ports.out.BackupException;
import dev.thingyan.ports.out.BackupStore.Upload;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.MultipartUpload;
import software.amazon.awssdk.services.s3.model.S3Object;

/** Backups round trip through a real S3 server, in bounded memory, under their prefix. */
class S3BackupStoreTest {

  @RegisterExtension static final S3ProxyServer S3 = new S3ProxyServer();

  /** Six full 5 MiB parts while writing, and a last one of 1 MiB at commit. */
  private static final long SIZE = 31L << 20;

  @Test
  void roundTripsThirtyOneMegabytesInFiveMegabyteParts() throws IOException {
    try (S3BackupStore store = new S3BackupStore(S3.config("pms/backups"))) {
      String written;
      StoredObject stored;
      try (S3Upload upload = (S3Upload) store.create("big.dump.zstd")) {
        written = BackupData.writeDump(upload.stream(), SIZE);
        upload.stream().close(); // as a codec does; the upload still commits
        assertThat(S3.faults().partsStored()).as("parts stored while writing").isEqualTo(6);
        assertThat(store.list()).as("invisible until committed").isEmpty();
        stored = upload.commit();
        assertThat(S3.faults().partsStored()).isEqualTo(7);
        assertThat(upload.bufferedHighWater()).as("bytes held in memory at most")
            .isEqualTo((int) S3StoreConfig.MIN_PART_SIZE);
      }

      assertThat(stored).isEqualTo(new StoredObject("big.dump.zstd", SIZE));
      assertThat(store.list()).containsExactly(stored);
      HeadObjectResponse head = S3.admin().headObject(b -> b.bucket(S3.bucket()).key("pms/backups/big.dump.zstd"));
      assertThat(head.metadata()).as("x-amz-meta-sha256").containsEntry("sha256", written);
      try (InputStream in = store.open("big.dump.zstd")) {
        assertThat(BackupData.digest(in)).isEqualTo(new BackupData.Digest(written, SIZE));
      }
    }
  }

  @Test
  void storesAnObjectSmallerThanOnePartWithOnePut() throws IOException {
    try (S3BackupStore store = new S3BackupStore(S3.config(""))) {
      StoredObject stored;
      try (S3Upload upload = (S3Upload) store.create("small.dump")) {
        upload.stream().write("CREATE TABLE guests;".getBytes(StandardCharsets.UTF_8));
        stored = upload.commit();
        assertThat(S3.faults().partsStored()).isZero();
      }

      assertThat(stored).isEqualTo(new StoredObject("small.dump", 20));
      HeadObjectResponse head = S3.admin().headObject(b -> b.bucket(S3.bucket()).key("small.dump"));
      try (InputStream in = store.open("small.dump")) {
        byte[] content = in.readAllBytes();
        assertThat(new String(content, StandardCharsets.UTF_8)).isEqualTo("CREATE TABLE guests;");
        assertThat(head.metadata()).containsEntry("sha256", sha256Hex(content));
      }
    }
  }

  @Test
  void listsOnlyThePlainKeysUnderItsPrefix() {
    for (String key : new String[] {"other/b0", "pms/backups/nested/b2", "pms/backups/.hidden", "pms/backupsX"}) {
      S3.admin().putObject(b -> b.bucket(S3.bucket()).key(key), RequestBody.fromString("x"));
    }
    try (S3BackupStore store = new S3BackupStore(S3.config("pms/backups/"))) {
      try (Upload upload = store.create("b1")) {
        upload.commit();
      }

      assertThat(store.list()).containsExactly(new StoredObject("b1", 0));
      assertThat(S3.admin().listObjectsV2(b -> b.bucket(S3.bucket())).contents())
          .extracting(S3Object::key).contains("pms/backups/b1");
      store.delete("b1");
      assertThat(store.list()).isEmpty();
    }
  }

  @Test
  void sweepAbortsTheUploadsOfStoppedWritersUnderItsPrefixOnly() {
    // what a process killed mid-upload leaves: a multipart upload with parts, never completed
    String killed = S3.admin().createMultipartUpload(b -> b.bucket(S3.bucket()).key("pms/b1")).uploadId();
    S3.admin().uploadPart(b -> b.bucket(S3.bucket()).key("pms/b1").uploadId(killed).partNumber(1),
        RequestBody.fromBytes(new byte[1024]));
    String foreign = S3.admin().createMultipartUpload(b -> b.bucket(S3.bucket()).key("other/b9")).uploadId();

    try (S3BackupStore store = new S3BackupStore(S3.config("pms"))) {
      assertThat(store.sweepAbandoned(Instant.now().minus(Duration.ofHours(1))))
          .as("started after the cutoff: may still be written").isEmpty();
      assertThat(store.sweepAbandoned(Instant.now().plus(Duration.ofMinutes(1))))
          .singleElement().asString().startsWith("pms/b1 (upload started ");
    }

    assertThat(S3.admin().listMultipartUploads(b -> b.bucket(S3.bucket())).uploads())
        .extracting(MultipartUpload::uploadId).containsExactly(foreign);
  }

  @Test
  void refusesToOverwriteAnExistingBackup() throws IOException {
    try (S3BackupStore store = new S3BackupStore(S3.config("p"))) {
      try (Upload upload = store.create("b1")) {
        upload.stream().write("first".getBytes(StandardCharsets.UTF_8));
        upload.commit();
      }
      Upload second = store.create("b2");
      S3.admin().putObject(b -> b.bucket(S3.bucket()).key("p/b2"), RequestBody.fromString("raced"));

      assertThatThrownBy(() -> store.create("b1"))
          .isInstanceOf(BackupException.class)
          .hasMessageContaining("'b1' already exists")
          .hasMessageContaining("never overwritten");
      assertThatThrownBy(second::commit).hasMessageContaining("'b2' appeared meanwhile");
      try (InputStream first = store.open("b1"); InputStream raced = store.open("b2")) {
        assertThat(first.readAllBytes()).asString(StandardCharsets.UTF_8).isEqualTo("first");
        assertThat(raced.readAllBytes()).asString(StandardCharsets.UTF_8).isEqualTo("raced");
      }
    }
  }

  @Test
  void refusesKeysThatAreNotPlainFileNames() {
    try (S3BackupStore store = new S3BackupStore(S3.config("p"))) {
      for (String bad : new String[] {"", "a/b", "..", "../x", ".hidden", "a\\b", "a\nb", "k".repeat(201)}) {
        assertThatThrownBy(() -> store.create(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.open(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.delete(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
      }
    }
    assertThatThrownBy(() -> S3.config("../up")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void opensAndDeletesOnlyWhatExists() {
    try (S3BackupStore store = new S3BackupStore(S3.config("p"))) {
      store.delete("never-written");

      assertThatThrownBy(() -> store.open("never-written"))
          .isInstanceOf(BackupException.class)
          .hasMessageContaining("There is no backup 'never-written' in s3 " + S3.bucket() + "/p at 127.0.0.1");
    }
  }

  @Test
  void describesItselfByBucketPrefixAndHostOnly() {
    try (S3BackupStore store = new S3BackupStore(S3.config("pms/backups"))) {
      assertThat(store.describe()).isEqualTo("s3 " + S3.bucket() + "/pms/backups at 127.0.0.1");
    }
    try (S3BackupStore store = new S3BackupStore(S3.config(""))) {
      assertThat(store.describe()).isEqualTo("s3 " + S3.bucket() + " at 127.0.0.1");
    }
  }

  private static String sha256Hex(byte[] content) throws IOException {
    return BackupData.digest(new ByteArrayInputStream(content)).sha256Hex();
  }
}
