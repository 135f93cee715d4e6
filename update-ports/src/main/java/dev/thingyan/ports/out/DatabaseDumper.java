package dev.thingyan.ports.out;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.Optional;

/**
 * Dumps and restores the app's database (PostgreSQL, MariaDB/MySQL, SQLite). A dump streams:
 * nothing is kept in memory or in a temporary copy beyond what the engine itself needs.
 */
public interface DatabaseDumper {

  /** @return the engine, e.g. {@code sqlite}, {@code postgresql}, {@code mariadb}. */
  String engine();

  /** @return the database name (for SQLite, the file name), never a password. */
  String databaseName();

  /**
   * @return the app's schema version, e.g. the newest row of Laravel's {@code migrations} table,
   *     when it can be read
   */
  Optional<String> schemaVersion();

  /**
   * Writes a complete dump to {@code out} (not closed). Checks the dumper's exit status and
   * output: an empty, truncated or failed dump throws.
   *
   * @param stop told how to stop the dump's tools; once stopped, the dump fails
   * @throws BackupException with a reason an admin can act on (no secret in it)
   */
  void dump(OutputStream out, ProgressSink progress, StopSignal stop);

  /** {@link #dump(OutputStream, ProgressSink, StopSignal)} that nothing stops. */
  default void dump(OutputStream out, ProgressSink progress) {
    dump(out, progress, StopSignal.NEVER);
  }

  /**
   * Writes a complete dump compressed by {@code compressor} to {@code out} (not closed): the dump
   * tool's output goes straight into the compressor through an operating-system pipe, never
   * through this JVM, and {@code out} receives what the compressor writes. The exit status and
   * error output of the tool and of the compressor are both checked, and the dump's first bytes
   * (decompressed): an empty or failed dump throws. Progress counts compressed bytes.
   *
   * @param stop told how to stop the dump's tools; once stopped, the dump fails
   * @throws BackupException with a reason an admin can act on (no secret in it)
   */
  void dump(OutputStream out, ProgressSink progress, DumpCompressor compressor, StopSignal stop);

  /** {@link #dump(OutputStream, ProgressSink, DumpCompressor, StopSignal)} that nothing stops. */
  default void dump(OutputStream out, ProgressSink progress, DumpCompressor compressor) {
    dump(out, progress, compressor, StopSignal.NEVER);
  }

  /**
   * How the caller stops a dump from another thread: its deadline passed, or the backup was
   * cancelled before it was stored. A dump blocked on the database writes nothing, so failing its
   * next write would never stop it: the dumper registers how to end its tools (kill them), and
   * the dump then fails.
   */
  @FunctionalInterface
  interface StopSignal {
    /** Never stops. */
    StopSignal NEVER = stopTools -> {};

    /** Runs {@code stopTools} when the dump must stop, at once if it already must. */
    void onStop(Runnable stopTools);
  }

  /**
   * Replaces the database's whole content with the dump read from {@code in}: afterwards it holds
   * exactly the dump's tables, columns and rows, and nothing a later migration added.
   *
   * @throws BackupException when the restore failed
   */
  void restore(InputStream in, ProgressSink progress);

  /**
   * @return whether a {@link #restore} that fails leaves the database exactly as it was (one
   *     transaction, or a checked copy put in place at once); when not, a failed restore may have
   *     replaced part of it
   */
  boolean restoreIsAtomic();

  /**
   * Restores the dump into a scratch database created for the purpose (and dropped afterwards),
   * never touching the app's database, and checks that it opens and holds the app's tables.
   *
   * @return a short summary, e.g. {@code 12 tables, 3410 rows}
   * @throws BackupException when the dump does not restore
   */
  String verifyRestore(InputStream in, ProgressSink progress);

  /** Bytes moved so far, called every few megabytes. */
  @FunctionalInterface
  interface ProgressSink {
    void bytes(long done);

    ProgressSink NONE = d -> {};
  }
}
