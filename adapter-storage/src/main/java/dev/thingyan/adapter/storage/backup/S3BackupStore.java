package dev.thingyan.adapter.storage.backup;

import dev.thingyan.ports.model.StoredObject;
import dev.thingyan.ports.out.BackupException;
import dev.thingyan.ports.out.BackupStore;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.MultipartUpload;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Backups as objects in an S3-compatible bucket, under {@code <prefix>/<key>}. Objects are written
 * by multipart upload holding one part in memory, become visible only when complete, and are
 * verified (size and SHA-256) before {@link Upload#commit()} returns; a failed or abandoned upload
 * is aborted. Keys are plain file names, as in the local store ({@link BackupKeys}).
 */
public final class S3BackupStore implements BackupStore, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(S3BackupStore.class);

  private final S3StoreConfig config;
  private final S3Client s3;
  private final S3Errors errors;
  private final S3ObjectCheck check;

  /** Connects lazily: nothing is sent to S3 before the first call. */
  public S3BackupStore(S3StoreConfig config) {
    this.config = Objects.requireNonNull(config, "config");
    this.s3 = S3Clients.create(config);
    this.errors = new S3Errors(config);
    this.check = new S3ObjectCheck(s3, config.bucket());
  }

  @Override
  public String describe() {
    String prefix = config.prefix();
    String where = prefix.isEmpty() ? config.bucket() : config.bucket() + "/" + prefix.substring(0, prefix.length() - 1);
    return "s3 " + where + " at " + config.endpoint().getHost();
  }

  @Override
  public Upload create(String key) {
    String objectKey = S3Keys.objectKey(config.prefix(), key);
    refuseExisting(key, objectKey, "already exists");
    return new S3Upload(this, s3, key, objectKey);
  }

  @Override
  public InputStream open(String key) {
    String objectKey = S3Keys.objectKey(config.prefix(), key);
    try {
      return s3.getObject(b -> b.bucket(config.bucket()).key(objectKey));
    } catch (SdkException e) {
      if (S3Errors.hasCode(e, "NoSuchKey")) {
        throw new BackupException("There is no backup '" + key + "' in " + describe()
            + ". It was deleted or moved; pick another backup.", e);
      }
      throw errors.map("reading the backup " + key, e);
    }
  }

  @Override
  public void delete(String key) {
    String objectKey = S3Keys.objectKey(config.prefix(), key);
    try {
      s3.deleteObject(b -> b.bucket(config.bucket()).key(objectKey));
      LOG.info("deleted backup {} (if it was there) from {}", key, describe());
    } catch (SdkException e) {
      throw errors.map("deleting the backup " + key, e);
    }
  }

  @Override
  public List<StoredObject> list() {
    List<StoredObject> objects = new ArrayList<>();
    try {
      for (S3Object o : s3.listObjectsV2Paginator(b -> b.bucket(config.bucket()).prefix(config.prefix())).contents()) {
        S3Keys.backupKey(config.prefix(), o.key()).ifPresent(k -> objects.add(new StoredObject(k, o.size())));
      }
    } catch (SdkException e) {
      throw errors.map("listing the backups (nothing will be deleted until this works)", e);
    }
    objects.sort(Comparator.comparing(StoredObject::key));
    return objects;
  }

  /**
   * Aborts the multipart uploads under the prefix that were started before {@code cutoff} and never
   * completed: a process killed while uploading a backup leaves one, whose parts the bucket keeps
   * (and bills) until a lifecycle rule removes them.
   */
  @Override
  public List<String> sweepAbandoned(Instant cutoff) {
    List<MultipartUpload> abandoned = new ArrayList<>();
    try {
      for (MultipartUpload u : s3.listMultipartUploadsPaginator(b -> b.bucket(config.bucket()).prefix(config.prefix())).uploads()) {
        if (S3Keys.backupKey(config.prefix(), u.key()).isPresent() && u.initiated() != null
            && u.initiated().isBefore(cutoff)) {
          abandoned.add(u);
        }
      }
    } catch (SdkException e) {
      throw errors.map("listing the unfinished uploads", e);
    }
    List<String> removed = new ArrayList<>();
    for (MultipartUpload u : abandoned) {
      try {
        s3.abortMultipartUpload(b -> b.bucket(config.bucket()).key(u.key()).uploadId(u.uploadId()));
        removed.add(u.key() + " (upload started " + u.initiated() + ")");
      } catch (SdkException e) {
        LOG.warn("could not abort the unfinished upload {} of {} in {}: {}", u.uploadId(), u.key(),
            describe(), errors.map("aborting it", e).getMessage());
      }
    }
    if (!removed.isEmpty()) {
      LOG.info("aborted unfinished backup uploads a stopped process left in {}: {}", describe(), removed);
    }
    return removed;
  }

  /** Closes the HTTP connections. */
  @Override
  public void close() {
    s3.close();
  }

  void refuseExisting(String key, String objectKey, String why) {
    try {
      s3.headObject(b -> b.bucket(config.bucket()).key(objectKey));
    } catch (SdkException e) {
      if (e instanceof AwsServiceException s && s.statusCode() == 404) {
        return; // HEAD answers a bare 404 for a missing key; a missing bucket shows on writing
      }
      if (e instanceof AwsServiceException s && s.statusCode() == 403) {
        // S3 answers 403, not 404, for a missing key when the credentials may not list the bucket
        throw new BackupException(config.secretAccessKey().redact("S3 at " + config.endpoint().getHost()
            + " refused to say whether the backup " + key + " already exists (HTTP 403 on HEAD "
            + objectKey + "): either the credentials of access key " + config.accessKeyHint()
            + " are wrong, or they lack s3:ListBucket on the bucket '" + config.bucket() + "' (without it"
            + " S3 answers 403 for a missing object). Grant s3:ListBucket, s3:GetObject, s3:PutObject"
            + " and s3:DeleteObject on the bucket, or check backup.s3.access_key_id and the secret key"), e);
      }
      throw errors.map("checking that the backup " + key + " is new", e);
    }
    throw new BackupException("A backup named '" + key + "' " + why + " in " + describe()
        + "; backups are never overwritten. Use a new backup id.");
  }

  void deleteQuietly(String objectKey) {
    try {
      s3.deleteObject(b -> b.bucket(config.bucket()).key(objectKey));
    } catch (SdkException e) {
      LOG.warn("could not remove the unfinished backup object {} from {}: {}; delete it by hand",
          objectKey, describe(), errors.map("removing it", e).getMessage());
    }
  }

  S3StoreConfig config() {
    return config;
  }

  S3Errors errors() {
    return errors;
  }

  S3ObjectCheck check() {
    return check;
  }
}
