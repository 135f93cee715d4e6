package dev.thingyan.adapter.storage.backup;

import dev.thingyan.ports.model.StoredObject;
import dev.thingyan.ports.out.BackupException;
import dev.thingyan.ports.out.BackupStore;
import java.io.IOException;
import java.io.OutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * One object being written to S3, holding at most one part in memory. Commit sends the last part
 * (or the whole object in one PutObject when it is smaller than a part), completes the upload and
 * verifies what S3 holds; anything else aborts the multipart upload and removes an object it may
 * have written, so nothing that looks like a backup is left.
 */
final class S3Upload implements BackupStore.Upload {

  private static final Logger LOG = LoggerFactory.getLogger(S3Upload.class);

  private enum State { OPEN, COMMITTED, ABORTED }

  private final S3BackupStore store;
  private final S3Client s3;
  private final String key;
  private final String objectKey;
  private final S3Multipart multipart;
  private final S3PartStream stream;
  private boolean objectWritten;
  private State state = State.OPEN;

  S3Upload(S3BackupStore store, S3Client s3, String key, String objectKey) {
    this.store = store;
    this.s3 = s3;
    this.key = key;
    this.objectKey = objectKey;
    this.multipart = new S3Multipart(s3, store.config().bucket(), objectKey);
    this.stream = new S3PartStream((int) store.config().partSizeBytes(), this::uploadFullPart);
  }

  @Override
  public OutputStream stream() {
    return stream;
  }

  /** Called by the stream as each part fills; the writer (a codec, a dumper) sees an IOException. */
  private void uploadFullPart(byte[] part, int length) throws IOException {
    try {
      uploadPart(part, length);
    } catch (BackupException e) {
      throw new IOException(e.getMessage(), e);
    }
  }

  private void uploadPart(byte[] part, int length) {
    if (multipart.parts() == S3Multipart.MAX_PARTS) {
      throw new BackupException("The backup " + key + " is larger than S3's " + S3Multipart.MAX_PARTS
          + " parts of " + length + " bytes: raise backup.s3.part_size");
    }
    try {
      multipart.upload(part, length);
    } catch (SdkException e) {
      throw store.errors().map("uploading part " + (multipart.parts() + 1) + " of " + key, e);
    }
  }

  @Override
  public StoredObject commit() {
    if (state != State.OPEN) {
      throw new IllegalStateException("upload of " + key + " is " + state);
    }
    if (stream.failed()) {
      abort();
      throw new BackupException("The backup " + key + " was not stored: uploading a part of it "
          + "failed earlier. Nothing was kept in " + store.describe() + "; take the backup again.");
    }
    try {
      stream.close();
      String sha256 = stream.sha256Hex();
      store.refuseExisting(key, objectKey, "appeared meanwhile; it is left as it is");
      finish(sha256);
      store.check().verify(objectKey, stream.total(), sha256);
      state = State.COMMITTED;
      LOG.info("stored backup {} ({} bytes, {} parts) in {}", key, stream.total(), multipart.parts(), store.describe());
      return new StoredObject(key, stream.total());
    } catch (SdkException e) {
      abort();
      throw store.errors().map("storing the backup " + key + " (nothing was kept)", e);
    } catch (BackupException e) {
      abort();
      throw e;
    }
  }

  private void finish(String sha256) {
    int last = stream.buffered();
    if (!multipart.open()) {
      writing(() -> s3.putObject(b -> b.bucket(store.config().bucket()).key(objectKey)
          .contentLength((long) last).contentMD5(S3ObjectCheck.contentMd5(stream.buffer(), last))
          .metadata(S3ObjectCheck.metadata(sha256)), S3Multipart.body(stream.buffer(), last)));
      return;
    }
    if (last > 0) {
      uploadPart(stream.buffer(), last);
    }
    writing(multipart::complete);
    store.check().stampChecksum(objectKey, sha256, stream.total());
  }

  /** Runs the request that makes the object visible, noting when it may have done so. */
  private void writing(Runnable request) {
    try {
      request.run();
    } catch (SdkClientException e) {
      objectWritten = true; // the answer was lost, not the request: the object may be there
      throw e;
    }
    objectWritten = true;
  }

  @Override
  public void abort() {
    if (state != State.OPEN) {
      return;
    }
    state = State.ABORTED;
    stream.close();
    if (multipart.open()) {
      multipart.abort(store.errors());
    }
    if (objectWritten) {
      store.deleteQuietly(objectKey);
    }
  }

  /** @return the most bytes this upload held in memory at once */
  int bufferedHighWater() {
    return stream.highWater();
  }

  @Override
  public void close() {
    abort();
  }
}
