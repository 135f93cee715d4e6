package dev.thingyan.adapter.jdbc.journal;

import dev.thingyan.ports.model.report.ErrorReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * A folder of redacted reports waiting to enter the journal: what lets any number of
 * {@code thingyan report} processes submit at once. Writing a file needs no database, so a
 * submitter never waits on, or fails because of, another process holding the embedded journal;
 * one process at a time (whoever holds {@link #drainLock}) moves the files into the outbox.
 *
 * <p>Each report is one file, written under a temporary name and renamed into place (a reader
 * sees a whole report or none), owner-only like the journal ({@code 0600} in a {@code 0700}
 * folder). A drainer claims a file by renaming it, submits it, then deletes it; a claim older than
 * {@link #STALE_CLAIM} (its drainer died) is taken back. A drainer that dies between submitting
 * and deleting leaves the file to be submitted again: a report may be counted twice, never lost.
 */
public final class ReportSpool {
  static final Duration STALE_CLAIM = Duration.ofMinutes(10);
  private static final String SUFFIX = ".report.json";
  /**
   * Orders one process's reports within a millisecond: names sort by time, then by this, so
   * reports submitted one after another are drained in that order (across processes, reports of
   * the same millisecond were concurrent and either order is true).
   */
  private static final java.util.concurrent.atomic.AtomicLong SEQUENCE =
      new java.util.concurrent.atomic.AtomicLong();
  private static final String CLAIMED = ".claimed";

  private final Path dir;

  /** @param dir the spool folder, made owner-only on first use */
  public ReportSpool(Path dir) {
    this.dir = dir;
  }

  /** @return the spool folder beside an embedded journal in {@code <app.root>/.thingyan} */
  public static Path folderFor(Path appRoot) {
    return appRoot.resolve(".thingyan").resolve("report-spool");
  }

  /** Keeps one redacted report; durable when this returns. */
  public void put(ErrorReport redacted) {
    try {
      ensureDir();
      String name = String.format("%013d-%012d-%s%s", Instant.now().toEpochMilli(),
          SEQUENCE.incrementAndGet(), UUID.randomUUID(), SUFFIX);
      Path tmp = dir.resolve("." + name + ".tmp");
      Files.writeString(tmp, ReportJson.write(redacted), StandardCharsets.UTF_8,
          StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, StandardOpenOption.SYNC);
      ownerOnly(tmp, "rw-------");
      try {
        Files.move(tmp, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, dir.resolve(name));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write to the report spool " + dir, e);
    }
  }

  /**
   * @return the drain lock if no other process holds it, to be closed after {@link #drain};
   *     empty when another process is draining (it will take these files too)
   */
  public Optional<AutoCloseable> drainLock() {
    try {
      ensureDir();
      FileChannel channel = FileChannel.open(dir.resolve(".drain.lock"),
          StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (IOException | RuntimeException e) {
        channel.close();
        return Optional.empty();
      }
      if (lock == null) {
        channel.close();
        return Optional.empty();
      }
      return Optional.of(() -> {
        lock.release();
        channel.close();
      });
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /**
   * Hands every waiting report to {@code submit}, oldest first; a report whose submit throws
   * stays in the spool and the exception is rethrown.
   *
   * @return how many were submitted
   */
  public int drain(Consumer<ErrorReport> submit) {
    int done = 0;
    for (Path file : waiting()) {
      Path claimed = file.resolveSibling(file.getFileName() + CLAIMED);
      try {
        Files.move(file, claimed, StandardCopyOption.ATOMIC_MOVE);
      } catch (NoSuchFileException | FileAlreadyExistsException e) {
        continue; // another drainer took it
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      ErrorReport report;
      try {
        report = ReportJson.read(Files.readString(claimed, StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      try {
        submit.accept(report);
      } catch (RuntimeException e) {
        unclaim(claimed, file);
        throw e;
      }
      try {
        Files.deleteIfExists(claimed);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      done++;
    }
    return done;
  }

  /** @return how many reports wait in the spool */
  public int size() {
    return waiting().size();
  }

  private List<Path> waiting() {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    List<Path> files = new ArrayList<>();
    Instant stale = Instant.now().minus(STALE_CLAIM);
    try (Stream<Path> list = Files.list(dir)) {
      for (Path p : (Iterable<Path>) list.sorted()::iterator) {
        String name = p.getFileName().toString();
        if (name.endsWith(SUFFIX)) {
          files.add(p);
        } else if (name.endsWith(SUFFIX + CLAIMED)
            && Files.getLastModifiedTime(p).toInstant().isBefore(stale)) {
          Path back = p.resolveSibling(name.substring(0, name.length() - CLAIMED.length()));
          unclaim(p, back);
          files.add(back);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return files;
  }

  private static void unclaim(Path claimed, Path file) {
    try {
      Files.move(claimed, file, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException ignored) {
      // left claimed: taken back once stale
    }
  }

  private void ensureDir() throws IOException {
    if (!Files.isDirectory(dir)) {
      Files.createDirectories(dir);
      ownerOnly(dir, "rwx------");
    }
  }

  private static void ownerOnly(Path p, String perms) {
    try {
      Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(perms));
    } catch (UnsupportedOperationException | IOException e) {
      // not a POSIX file system: its own ACLs apply
    }
  }
}
