package dev.thingyan.bootstrap;

import dev.thingyan.ports.out.BackupException;
import dev.thingyan.ports.out.DatabaseDumper;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Optional;

/**
 * Stands in for an engine whose dumper this version does not have: every backup fails with a
 * clear reason, so an update stops at {@code backup_failed} instead of going on unprotected.
 */
final class UnsupportedDumper implements DatabaseDumper {

  private final String engine;

  UnsupportedDumper(String engine) {
    this.engine = engine;
  }

  @Override
  public String engine() {
    return engine;
  }

  @Override
  public String databaseName() {
    return engine;
  }

  @Override
  public Optional<String> schemaVersion() {
    return Optional.empty();
  }

  @Override
  public void dump(OutputStream out, ProgressSink progress) {
    throw new BackupException("backups of " + engine + " databases are not available in this version of"
        + " thingyan (SQLite only); the update stops here so that it never runs without a backup");
  }

  @Override
  public String verifyRestore(InputStream in, ProgressSink progress) {
    throw new BackupException("restores of " + engine + " databases are not available in this version");
  }

  @Override
  public void restore(InputStream in, ProgressSink progress) {
    throw new BackupException("restores of " + engine + " databases are not available in this version");
  }
}
