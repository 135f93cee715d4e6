package dev.thingyan.adapter.storage.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.atomic.AtomicInteger;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.domain.Blob;
import org.jclouds.blobstore.domain.MultipartPart;
import org.jclouds.blobstore.domain.MultipartUpload;
import org.jclouds.blobstore.options.GetOptions;
import org.jclouds.blobstore.util.ForwardingBlobStore;
import org.jclouds.io.Payload;

/**
 * The s3proxy server's storage, with a disk that fills up on demand: from a chosen part number on,
 * storing a part fails as a full disk would, and the server answers 500 like a failing S3; reads
 * can come back with a flipped bit. It also
 * counts the parts it stored, so a test sees multipart uploads from the server's side.
 */
final class FaultyBlobStore extends ForwardingBlobStore {

  private final AtomicInteger failFromPart = new AtomicInteger(Integer.MAX_VALUE);
  private final AtomicInteger partsStored = new AtomicInteger();
  private volatile boolean corruptReads;

  FaultyBlobStore(BlobStore delegate) {
    super(delegate);
  }

  void failPartsFrom(int partNumber) {
    failFromPart.set(partNumber);
  }

  /** From now on objects read back with one byte changed, as bit rot or a bad disk would. */
  void corruptReads() {
    corruptReads = true;
  }

  void heal() {
    corruptReads = false;
    failFromPart.set(Integer.MAX_VALUE);
    partsStored.set(0);
  }

  /** @return how many multipart parts the server stored since {@link #heal()} */
  int partsStored() {
    return partsStored.get();
  }

  @Override
  public Blob getBlob(String container, String name, GetOptions options) {
    Blob blob = super.getBlob(container, name, options);
    if (!corruptReads || blob == null) {
      return blob;
    }
    try (InputStream in = blob.getPayload().openStream()) {
      byte[] bytes = in.readAllBytes();
      bytes[bytes.length / 2] ^= 1;
      blob.setPayload(bytes);
      return blob;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public MultipartPart uploadMultipartPart(MultipartUpload mpu, int partNumber, Payload payload) {
    if (partNumber >= failFromPart.get()) {
      // any failure s3proxy has no S3 error for becomes 500, as a failing S3 answers
      throw new UncheckedIOException(new IOException("No space left on device"));
    }
    MultipartPart part = super.uploadMultipartPart(mpu, partNumber, payload);
    partsStored.incrementAndGet();
    return part;
  }
}
