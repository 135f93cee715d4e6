package dev.thingyan.domain.backup;

import dev.thingyan.ports.model.BackupKind;
import dev.thingyan.ports.model.BackupRecord;
import dev.thingyan.ports.model.RunId;
import dev.thingyan.ports.model.StoredObject;
import dev.thingyan.ports.model.Version;
import dev.thingyan.ports.out.BackupCatalog;
import dev.thingyan.ports.out.BackupCodec;
import dev.thingyan.ports.out.BackupException;
import dev.thingyan.ports.out.BackupStore;
import dev.thingyan.ports.out.DatabaseDumper;
import dev.thingyan.ports.out.DumpCompressor;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;

/**
 * Backups as one streaming pipeline, dump -> zstd -> (encryption) -> SHA-256 -> store, and
 * restores that check the stored bytes before anything is replaced. A backup is recorded in the
 * catalog only after the dumper succeeded and the store confirmed the size.
 */
public final class BackupService {

  private static final DateTimeFormatter ID_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

  private final DatabaseDumper dumper;
  private final BackupStore store;
  private final BackupCodec codec;
  private final BackupCatalog catalog;
  private final Clock clock;
  private final Duration dumpTimeout;

  /**
   * @param dumpTimeout how long a dump may take before its tools are stopped and the backup fails
   *     ({@code backup.timeout}): a database that stalls, or a dump waiting on a lock, must end
   *     in backup_failed, not hold an update (and its locks) forever
   */
  public BackupService(DatabaseDumper dumper, BackupStore store, BackupCodec codec,
      BackupCatalog catalog, Clock clock, Duration dumpTimeout) {
    this.dumper = dumper;
    this.store = store;
    this.codec = codec;
    this.catalog = catalog;
    this.clock = clock;
    if (dumpTimeout.isNegative() || dumpTimeout.isZero()) {
      throw new IllegalArgumentException("dumpTimeout must be positive, got " + dumpTimeout);
    }
    this.dumpTimeout = dumpTimeout;
  }

  /**
   * @throws BackupException when the dump, the encoding or the store failed (nothing is recorded
   *     and the store keeps nothing)
   */
  public BackupRecord backup(BackupKind kind, Optional<RunId> run, Optional<Version> appVersion,
      LongConsumer progress) {
    return record(dump(kind, progress, () -> true, new DumpStopper()), run, appVersion);
  }

  /**
   * Waits for an {@link EarlyBackup}'s dump, makes it visible in the store and records it.
   *
   * @throws BackupException when the dump failed, or was cancelled (nothing is recorded and the
   *     store keeps nothing)
   */
  public BackupRecord finish(EarlyBackup begun, Optional<RunId> run, Optional<Version> appVersion) {
    return record(begun.await(), run, appVersion);
  }

  /**
   * Records a stored backup. When the catalog refuses it (the journal is down, say), the stored
   * object goes too: nothing would ever list, restore or prune it, and a backup the caller was told
   * failed must not stay looking like one.
   */
  private BackupRecord record(Dumped d, Optional<RunId> run, Optional<Version> appVersion) {
    BackupRecord record = new BackupRecord(d.id(), d.time(), appVersion, d.schemaVersion(), d.sha256Hex(),
        d.size(), dumper.engine(), dumper.databaseName(), run, d.kind(), d.key(), codec.name());
    try {
      catalog.add(record);
    } catch (RuntimeException e) {
      String removal;
      try {
        store.delete(d.key());
        removal = "it was removed from " + store.describe();
      } catch (RuntimeException deleteFailed) {
        e.addSuppressed(deleteFailed);
        removal = "it could not be removed from " + store.describe() + " (" + deleteFailed.getMessage()
            + "): delete " + d.key() + " by hand";
      }
      throw new BackupException("backup " + d.id() + " was stored but could not be recorded in the "
          + "journal (" + e.getMessage() + "); " + removal + ". Take the backup again once the journal works.", e);
    }
    return record;
  }

  /**
   * What a backup stored, before it is recorded: the store has made it visible and confirmed its
   * size.
   */
  record Dumped(String id, Instant time, BackupKind kind, String key, String sha256Hex,
      long size, Optional<String> schemaVersion) {}

  /**
   * The dump, streamed into the store: nothing is made visible before the dumper succeeded and
   * {@code commit} said yes; whatever fails or is refused leaves nothing in the store.
   *
   * @param commit asked once the dump is complete: {@code false} drops it
   * @param stopper stops the dump's tools when asked (a cancel), or when the dump outlives its
   *     timeout; every write fails from then on
   */
  Dumped dump(BackupKind kind, LongConsumer progress, BooleanSupplier commit, DumpStopper stopper) {
    var now = clock.instant();
    String id = ID_TIME.format(now) + "-" + kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-')
        + "-" + UUID.randomUUID().toString().substring(0, 8);
    String key = id + "." + dumper.engine() + ".dump." + codec.name().replace('+', '.');
    // read beside the dump: a connection of its own whose start-up need not wait for the dump's
    CompletableFuture<Optional<String>> schema = CompletableFuture.supplyAsync(dumper::schemaVersion,
        daemonThread("thingyan-schema-version"));
    CompletableFuture<Void> deadline = CompletableFuture.runAsync(
        () -> stopper.stop("the dump of " + dumper.databaseName() + " did not finish within "
            + dumpTimeout.toString().substring(2).toLowerCase(java.util.Locale.ROOT) + " (backup.timeout): "
            + "its tools were stopped and no backup was made. Check whether the database is stalled or "
            + "waits on a lock (a long migration, an open transaction), or raise backup.timeout"),
        CompletableFuture.delayedExecutor(dumpTimeout.toMillis(), TimeUnit.MILLISECONDS,
            daemonThread("thingyan-backup-deadline")));
    try (BackupStore.Upload upload = store.create(key)) {
      HashingOutputStream hashed = new HashingOutputStream(
          new Cancellable(upload.stream(), () -> stopper.reason().isPresent()));
      try {
        dump(hashed, progress, stopper);
      } catch (BackupException e) {
        throw stopper.reason().<BackupException>map(why -> new BackupException(why, e)).orElse(e);
      }
      if (!commit.getAsBoolean()) {
        throw new BackupException("the backup was cancelled before it was stored; nothing was kept");
      }
      // read before the commit: once the object is visible, a failure here would leave it behind
      Optional<String> schemaVersion = schemaVersion(schema);
      StoredObject stored = upload.commit();
      if (stored.size() != hashed.count()) {
        store.delete(key);
        throw new BackupException("the store kept " + stored.size() + " bytes of " + key + " but "
            + hashed.count() + " were written: the backup is not trusted and was removed");
      }
      return new Dumped(id, now, kind, key, hashed.hex(), stored.size(), schemaVersion);
    } finally {
      deadline.cancel(false);
    }
  }

  /** Fails every write once cancelled: the dumper then stops its tools and reports the failure. */
  private static final class Cancellable extends FilterOutputStream {
    private final BooleanSupplier cancelled;

    Cancellable(OutputStream out, BooleanSupplier cancelled) {
      super(out);
      this.cancelled = cancelled;
    }

    @Override
    public void write(int b) throws IOException {
      check();
      out.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      check();
      out.write(b, off, len);
    }

    private void check() throws IOException {
      if (cancelled.getAsBoolean()) {
        throw new IOException("the backup was cancelled");
      }
    }
  }

  /** Runs each task on a new daemon thread of that name. */
  static Executor daemonThread(String name) {
    return task -> {
      Thread thread = new Thread(task, name);
      thread.setDaemon(true);
      thread.start();
    };
  }

  private static Optional<String> schemaVersion(CompletableFuture<Optional<String>> read) {
    try {
      return read.join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : e;
    }
  }

  /**
   * With the codec's compression program, the dump tool and the compressor form one pipeline of
   * operating-system processes and this JVM handles only compressed bytes; without it, the codec
   * compresses here.
   */
  private void dump(OutputStream hashed, LongConsumer progress, DumpStopper stopper) {
    Optional<DumpCompressor> compressor = codec.compressor();
    try (OutputStream encoded = compressor.isPresent() ? codec.compressedEncoder(hashed)
        : codec.encoder(hashed)) {
      if (compressor.isPresent()) {
        dumper.dump(encoded, progress::accept, compressor.get(), stopper);
      } else {
        dumper.dump(encoded, progress::accept, stopper);
      }
    } catch (IOException e) {
      throw new BackupException("writing the backup to " + store.describe() + " failed: " + e.getMessage(), e);
    }
  }

  /**
   * Verifies the stored bytes against the recorded checksum, then replaces the database's content
   * with the backup's.
   */
  public void restore(BackupRecord backup, LongConsumer progress) {
    verify(backup);
    try (InputStream stored = store.open(backup.storeKey());
        InputStream dump = codec.decoder(stored, backup.codec())) {
      dumper.restore(dump, progress::accept);
    } catch (IOException e) {
      throw new BackupException("reading backup " + backup.backupId() + " failed: " + e.getMessage(), e);
    }
  }

  /**
   * Checks a backup end to end without touching the app's database: the stored checksum, then a
   * test restore into a scratch database.
   *
   * @return what the test restore found
   */
  public String verifyRestore(BackupRecord backup) {
    verify(backup);
    try (InputStream stored = store.open(backup.storeKey());
        InputStream dump = codec.decoder(stored, backup.codec())) {
      return dumper.verifyRestore(dump, d -> {});
    } catch (IOException e) {
      throw new BackupException("reading backup " + backup.backupId() + " failed: " + e.getMessage(), e);
    }
  }

  /** @throws BackupException when the stored object is missing or its checksum differs */
  public void verify(BackupRecord backup) {
    String actual = sha256(backup);
    if (!actual.equals(backup.sha256Hex())) {
      throw new BackupException("backup " + backup.backupId() + " is damaged: its checksum is " + actual
          + " but " + backup.sha256Hex() + " was recorded; choose another backup");
    }
  }

  private String sha256(BackupRecord backup) {
    try (InputStream in = store.open(backup.storeKey())) {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      byte[] buf = new byte[1 << 16];
      for (int n; (n = in.read(buf)) > 0; ) {
        digest.update(buf, 0, n);
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (IOException e) {
      throw new BackupException("backup " + backup.backupId() + " cannot be read from "
          + store.describe() + ": " + e.getMessage(), e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** @return the catalog's record of this backup. */
  public Optional<BackupRecord> find(String backupId) {
    return catalog.find(backupId);
  }
}
