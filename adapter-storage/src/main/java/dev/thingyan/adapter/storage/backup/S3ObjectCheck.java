package dev.thingyan.adapter.storage.backup;

import dev.thingyan.ports.out.BackupException;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.MetadataDirective;

/**
 * What makes an uploaded object a trusted backup: its SHA-256 in the object's metadata
 * ({@code x-amz-meta-sha256}), and a check of what S3 really holds. The check reads the whole
 * object back and hashes it, one more download of the backup: S3's own additional checksums are
 * per part for SHA-256 (no whole-object value to compare) and not offered by every S3-compatible
 * server, while a read-back proves the bytes a restore will get.
 */
final class S3ObjectCheck {

  /** The metadata key; S3 sends it as {@code x-amz-meta-sha256}. */
  static final String SHA256_KEY = "sha256";
  /** The largest object S3 copies in one request, which stamping the metadata takes. */
  static final long MAX_COPY_SIZE = 5L << 30;

  private static final Logger LOG = LoggerFactory.getLogger(S3ObjectCheck.class);

  private final S3Client s3;
  private final String bucket;

  S3ObjectCheck(S3Client s3, String bucket) {
    this.s3 = s3;
    this.bucket = bucket;
  }

  static Map<String, String> metadata(String sha256Hex) {
    return Map.of(SHA256_KEY, sha256Hex);
  }

  /**
   * Adds the checksum to a multipart object's metadata, which S3 fixes when the upload starts,
   * before the checksum is known: a copy onto itself replaces the metadata, inside S3.
   */
  void stampChecksum(String objectKey, String sha256Hex, long size) {
    if (size > MAX_COPY_SIZE) {
      LOG.info("{} is larger than 5 GiB: its SHA-256 is kept in the backup catalog, not in S3 metadata", objectKey);
      return;
    }
    s3.copyObject(b -> b.sourceBucket(bucket).sourceKey(objectKey)
        .destinationBucket(bucket).destinationKey(objectKey)
        .metadataDirective(MetadataDirective.REPLACE).metadata(metadata(sha256Hex)));
  }

  /** @throws BackupException when S3 holds another size or other bytes than were written */
  void verify(String objectKey, long size, String sha256Hex) {
    HeadObjectResponse head = s3.headObject(b -> b.bucket(bucket).key(objectKey));
    String recorded = head.metadata().get(SHA256_KEY);
    if (head.contentLength() != size || recorded != null && !recorded.equals(sha256Hex)) {
      throw mismatch(objectKey, size + " bytes, SHA-256 " + sha256Hex,
          head.contentLength() + " bytes, metadata SHA-256 " + recorded);
    }
    String read = readBack(objectKey);
    if (!read.equals(sha256Hex)) {
      throw mismatch(objectKey, "SHA-256 " + sha256Hex, "SHA-256 " + read + " when read back");
    }
  }

  private String readBack(String objectKey) {
    MessageDigest digest = digest("SHA-256");
    try (InputStream in = s3.getObject(b -> b.bucket(bucket).key(objectKey))) {
      byte[] chunk = new byte[64 * 1024];
      for (int n = in.read(chunk); n >= 0; n = in.read(chunk)) {
        digest.update(chunk, 0, n);
      }
    } catch (IOException e) {
      throw new BackupException("Reading " + objectKey + " back from S3 to verify it failed: "
          + e.getMessage() + ". It is being removed (the log says if that fails); take the backup again.", e);
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  private static BackupException mismatch(String objectKey, String written, String stored) {
    return new BackupException("S3 does not hold what was written to " + objectKey + ": written "
        + written + ", stored " + stored + ". It is being removed (the log says if that fails); take the backup again.");
  }

  /** @return the base64 MD5 S3 checks a part against ({@code Content-MD5}) */
  static String contentMd5(byte[] data, int length) {
    MessageDigest md5 = digest("MD5");
    md5.update(data, 0, length);
    return Base64.getEncoder().encodeToString(md5.digest());
  }

  private static MessageDigest digest(String algorithm) {
    try {
      return MessageDigest.getInstance(algorithm);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK always has " + algorithm, e);
    }
  }
}
