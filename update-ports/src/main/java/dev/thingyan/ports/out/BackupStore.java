package dev.thingyan.ports.out;

import dev.thingyan.ports.model.StoredObject;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.util.List;

/** Where backups are kept: a local folder or S3-compatible object storage. */
public interface BackupStore {

  /** @return e.g. {@code local /var/backups/pms} or {@code s3 bucket/prefix}; no credentials. */
  String describe();

  /**
   * Opens a new object for writing. Nothing is visible under {@code key} until
   * {@link Upload#commit()}; {@link Upload#abort()} (or close without commit) leaves nothing behind.
   */
  Upload create(String key);

  /** @return the stored bytes of {@code key}. */
  InputStream open(String key);

  /** Deletes {@code key}; does nothing when it is absent. */
  void delete(String key);

  /**
   * @return every object the store holds
   * @throws BackupException when listing failed (callers must then delete nothing)
   */
  List<StoredObject> list();

  /**
   * Removes what writers that are gone left behind: the hidden partial files of a local folder,
   * the incomplete multipart uploads of S3 under the store's prefix, last written (S3: started)
   * before {@code cutoff}. A process killed while it wrote a backup leaves one, as large as its
   * dump, that nothing else would ever remove. The caller holds this system's run locks, so no
   * other backup of it is writing; {@code cutoff} spares anything still being written.
   *
   * @return one line per thing removed (what, how large), for the log
   * @throws BackupException when the store could not be listed (nothing was removed then)
   */
  List<String> sweepAbandoned(Instant cutoff);

  /** A write in progress. */
  interface Upload extends AutoCloseable {
    OutputStream stream();

    /** Makes the object visible (atomic rename, or multipart completion) and returns what is stored. */
    StoredObject commit();

    /** Drops everything written. */
    void abort();

    /** Aborts unless committed. */
    @Override
    void close();
  }
}
