package dev.thingyan.adapter.storage.backup;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;

/**
 * The S3 side of one object's multipart upload: started with the first part, each part sent with
 * its Content-MD5 (S3 refuses a part that arrives damaged), then completed or aborted.
 */
final class S3Multipart {

  private static final Logger LOG = LoggerFactory.getLogger(S3Multipart.class);
  /** S3 accepts at most this many parts in one upload. */
  static final int MAX_PARTS = 10_000;

  private final S3Client s3;
  private final String bucket;
  private final String objectKey;
  private final List<CompletedPart> parts = new ArrayList<>();
  private String uploadId;

  S3Multipart(S3Client s3, String bucket, String objectKey) {
    this.s3 = s3;
    this.bucket = bucket;
    this.objectKey = objectKey;
  }

  /** @return whether a multipart upload was started and is neither completed nor aborted */
  boolean open() {
    return uploadId != null;
  }

  int parts() {
    return parts.size();
  }

  /** Sends the next part, starting the upload first if this is the first one. */
  void upload(byte[] part, int length) {
    if (uploadId == null) {
      uploadId = s3.createMultipartUpload(b -> b.bucket(bucket).key(objectKey)).uploadId();
    }
    int number = parts.size() + 1;
    String etag = s3.uploadPart(b -> b.bucket(bucket).key(objectKey).uploadId(uploadId)
        .partNumber(number).contentLength((long) length)
        .contentMD5(S3ObjectCheck.contentMd5(part, length)), body(part, length)).eTag();
    parts.add(CompletedPart.builder().partNumber(number).eTag(etag).build());
  }

  void complete() {
    s3.completeMultipartUpload(b -> b.bucket(bucket).key(objectKey).uploadId(uploadId)
        .multipartUpload(m -> m.parts(parts)));
    uploadId = null;
  }

  /** Drops the parts; a failure is logged, as the caller is already failing for another reason. */
  void abort(S3Errors errors) {
    try {
      s3.abortMultipartUpload(b -> b.bucket(bucket).key(objectKey).uploadId(uploadId));
      uploadId = null;
    } catch (SdkException e) {
      LOG.warn("could not abort the multipart upload {} of {}: {}; its parts stay in the bucket "
          + "until a lifecycle rule (AbortIncompleteMultipartUpload) or an operator removes them",
          uploadId, objectKey, errors.map("aborting the upload", e).getMessage());
    }
  }

  /** A body S3 can read more than once (signing, retries) without copying the part. */
  static RequestBody body(byte[] part, int length) {
    return RequestBody.fromContentProvider(() -> new ByteArrayInputStream(part, 0, length),
        length, "application/octet-stream");
  }
}
