package dev.thingyan.adapter.storage.backup;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Where and how the S3 backup store writes. Credentials are given here explicitly (bootstrap
 * reads them from the config or {@code AWS_ACCESS_KEY_ID} / {@code AWS_SECRET_ACCESS_KEY}); the
 * SDK's default provider chain, which would read {@code ~/.aws} silently, is never used.
 *
 * @param endpoint e.g. {@code https://s3.eu-central-1.amazonaws.com} or {@code http://minio:9000}
 * @param prefix a folder-like key prefix such as {@code pms/backups}, or empty for the bucket root
 * @param pathStyle {@code true} for {@code endpoint/bucket/key} URLs, which most S3-compatible
 *     servers need; {@code false} for {@code bucket.endpoint/key}
 * @param partSizeBytes the multipart part size, and so the memory one upload holds; at least
 *     5 MiB, the smallest part S3 accepts
 * @param timeout the connect and read timeout of each HTTP request
 */
public record S3StoreConfig(URI endpoint, String region, String bucket, String prefix,
    String accessKeyId, S3SecretKey secretAccessKey, boolean pathStyle, long partSizeBytes,
    Duration timeout) {

  /** The smallest part S3 accepts (every part but the last). */
  public static final long MIN_PART_SIZE = 5L << 20;
  /** The default part size: 8 MiB, as the AWS CLI uses. */
  public static final long DEFAULT_PART_SIZE = 8L << 20;
  /** The largest part S3 accepts; far more memory than a backup should hold anyway. */
  public static final long MAX_PART_SIZE = 512L << 20;

  public S3StoreConfig {
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(bucket, "bucket");
    Objects.requireNonNull(accessKeyId, "accessKeyId");
    Objects.requireNonNull(secretAccessKey, "secretAccessKey");
    Objects.requireNonNull(timeout, "timeout");
    if (!"http".equals(endpoint.getScheme()) && !"https".equals(endpoint.getScheme())
        || endpoint.getHost() == null) {
      throw new IllegalArgumentException("endpoint must be an http(s) URL with a host, not " + endpoint);
    }
    if (endpoint.getRawUserInfo() != null) {
      // credentials in the URL would end up in messages and logs: they go in their own fields
      throw new IllegalArgumentException("endpoint must not carry credentials; set accessKeyId and secretAccessKey");
    }
    if (bucket.isBlank() || accessKeyId.isBlank() || region.isBlank()) {
      throw new IllegalArgumentException("bucket, region and accessKeyId must not be blank");
    }
    if (partSizeBytes < MIN_PART_SIZE || partSizeBytes > MAX_PART_SIZE) {
      throw new IllegalArgumentException("partSizeBytes must be " + MIN_PART_SIZE + ".."
          + MAX_PART_SIZE + " (S3 refuses parts under 5 MiB), not " + partSizeBytes);
    }
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive, not " + timeout);
    }
    prefix = S3Keys.normalizePrefix(prefix == null ? "" : prefix);
  }

  /** A config with path-style URLs, 8 MiB parts and 30 s timeouts. */
  public static S3StoreConfig of(URI endpoint, String region, String bucket, String prefix,
      String accessKeyId, S3SecretKey secretAccessKey) {
    return new S3StoreConfig(endpoint, region, bucket, prefix, accessKeyId, secretAccessKey, true,
        DEFAULT_PART_SIZE, Duration.ofSeconds(30));
  }

  public S3StoreConfig withPartSize(long bytes) {
    return new S3StoreConfig(endpoint, region, bucket, prefix, accessKeyId, secretAccessKey,
        pathStyle, bytes, timeout);
  }

  public S3StoreConfig withPathStyle(boolean pathStyleUrls) {
    return new S3StoreConfig(endpoint, region, bucket, prefix, accessKeyId, secretAccessKey,
        pathStyleUrls, partSizeBytes, timeout);
  }

  public S3StoreConfig withTimeout(Duration perRequest) {
    return new S3StoreConfig(endpoint, region, bucket, prefix, accessKeyId, secretAccessKey,
        pathStyle, partSizeBytes, perRequest);
  }

  /** @return the access key id shortened to its first and last 4 characters, for messages */
  String accessKeyHint() {
    return accessKeyId.length() <= 8 ? "****"
        : accessKeyId.substring(0, 4) + "…" + accessKeyId.substring(accessKeyId.length() - 4);
  }
}
