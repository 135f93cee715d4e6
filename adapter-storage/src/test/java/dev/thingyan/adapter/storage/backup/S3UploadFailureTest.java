package dev.thingyan.adapter.storage.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.thingyan.ports.out.BackupException;
import dev.thingyan.ports.out.BackupStore.Upload;
import java.io.IOException;
import java.io.OutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A backup that fails on the way is aborted: no object, no multipart upload, no part on disk. */
class S3UploadFailureTest {

  @RegisterExtension static final S3ProxyServer S3 = new S3ProxyServer();

  private static final long TWELVE_MB = 12L << 20;

  private S3BackupStore store;

  @BeforeEach
  void openStore() {
    store = new S3BackupStore(S3.config("pms/backups"));
  }

  @AfterEach
  void closeStore() {
    store.close();
  }

  @Test
  void aDumpThatFailsAfterTwelveMegabytesLeavesNothing() throws IOException {
    assertThatThrownBy(() -> {
      try (Upload upload = store.create("b1"); OutputStream out = upload.stream()) {
        BackupData.writeDump(out, TWELVE_MB);
        throw new IOException("pg_dump exited 1");
      }
    }).hasMessage("pg_dump exited 1");

    assertThat(S3.faults().partsStored()).as("two parts had been sent").isEqualTo(2);
    assertNothingLeft();
  }

  @Test
  void aStoreFailingMidWriteIsAClearErrorAndLeavesNothing() throws IOException {
    S3.faults().failPartsFrom(2); // the disk behind S3 fills up after the first part
    Upload upload = store.create("b1");

    assertThatThrownBy(() -> BackupData.writeDump(upload.stream(), TWELVE_MB))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("while uploading part 2 of b1: HTTP 500")
        .hasCauseInstanceOf(BackupException.class);
    assertThatThrownBy(() -> upload.stream().write(1)).isInstanceOf(IOException.class);
    assertThatThrownBy(upload::commit)
        .isInstanceOf(BackupException.class)
        .hasMessageContaining("The backup b1 was not stored: uploading a part of it failed earlier");
    upload.close();
    assertNothingLeft();
  }

  @Test
  void abortDropsTheUploadAndCommitAfterAbortIsRefused() throws IOException {
    Upload upload = store.create("b1");
    BackupData.writeDump(upload.stream(), 6L << 20);

    upload.abort();
    upload.abort();

    assertNothingLeft();
    assertThatThrownBy(upload::commit).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> upload.stream().write(1)).isInstanceOf(IOException.class);
  }

  @Test
  void anObjectThatReadsBackDifferentlyIsRemoved() throws IOException {
    S3.faults().corruptReads();
    Upload upload = store.create("b1");
    BackupData.writeDump(upload.stream(), 1 << 20);

    assertThatThrownBy(upload::commit)
        .isInstanceOf(BackupException.class)
        .hasMessageContaining("S3 does not hold what was written to pms/backups/b1")
        .hasMessageContaining("when read back")
        .hasMessageContaining("It is being removed");
    S3.faults().heal();
    assertNothingLeft();
  }

  @Test
  void closingASmallUncommittedUploadSendsNothing() throws IOException {
    try (Upload upload = store.create("b1")) {
      upload.stream().write(new byte[1000]);
    }

    assertThat(S3.faults().partsStored()).isZero();
    assertNothingLeft();
  }

  private void assertNothingLeft() throws IOException {
    assertThat(store.list()).isEmpty();
    assertThat(S3.admin().listMultipartUploads(b -> b.bucket(S3.bucket())).uploads()).isEmpty();
    assertThat(S3.filesOnDisk()).as("files the server keeps for the bucket").isZero();
  }
}
