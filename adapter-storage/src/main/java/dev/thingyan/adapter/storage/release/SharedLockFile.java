package dev.thingyan.adapter.storage.release;

import dev.thingyan.ports.model.LockHolder;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One lock file, shared by every {@link FileRunLock} of this JVM on that path, with one channel
 * kept open. One channel because the OS lock (POSIX {@code fcntl}) belongs to the process: closing
 * ANY descriptor of the file drops it, so a second channel opened to test or read the lock and
 * then closed would silently release a lock held through the first.
 */
final class SharedLockFile {
  private static final Map<Path, SharedLockFile> OPEN = new ConcurrentHashMap<>();
  private static final int MAX_TEXT = 4096;

  private final FileChannel channel;
  private FileLock lock;
  private LockHolder holder;

  private SharedLockFile(FileChannel channel) {
    this.channel = channel;
  }

  /** @return the JVM's instance for this file, opening (and creating) it the first time. */
  static SharedLockFile of(Path file) throws IOException {
    Files.createDirectories(file.getParent());
    Path key = file.getParent().toRealPath().resolve(file.getFileName().toString());
    try {
      return OPEN.computeIfAbsent(key, k -> new SharedLockFile(open(k)));
    } catch (java.io.UncheckedIOException e) {
      throw e.getCause();
    }
  }

  synchronized boolean tryAcquire(LockHolder me) throws IOException {
    if (lock != null) {
      return sameHolder(me, holder);
    }
    FileLock taken;
    try {
      taken = channel.tryLock();
    } catch (OverlappingFileLockException e) {
      return false; // other code in this JVM locked the file through a channel of its own
    }
    if (taken == null) {
      return false;
    }
    lock = taken;
    holder = me;
    write(LockHolderText.format(me));
    return true;
  }

  synchronized Optional<LockHolder> holder() throws IOException {
    if (lock != null) {
      return Optional.of(holder);
    }
    FileLock probe;
    try {
      // shared, so that two processes looking at the same moment do not block each other
      probe = channel.tryLock(0, Long.MAX_VALUE, true);
    } catch (OverlappingFileLockException e) {
      return Optional.of(recorded());
    }
    if (probe == null) {
      return Optional.of(recorded());
    }
    probe.release(); // we could take it: nobody holds it, whatever a dead holder left written
    return Optional.empty();
  }

  synchronized void release(LockHolder me) throws IOException {
    if (lock == null || !sameHolder(me, holder)) {
      return;
    }
    write(""); // while still locked, so no one reads a holder that is gone
    lock.release();
    lock = null;
    holder = null;
  }

  private LockHolder recorded() throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(MAX_TEXT);
    channel.read(buffer, 0);
    String text = new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8);
    // the holder may not have written its record yet: still held, by someone we cannot name
    return LockHolderText.parse(text)
        .orElseGet(() -> new LockHolder(-1, "unknown", "", Instant.EPOCH, Instant.EPOCH));
  }

  private void write(String text) throws IOException {
    channel.truncate(0);
    channel.write(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)), 0);
    channel.force(false);
  }

  private static boolean sameHolder(LockHolder a, LockHolder b) {
    // the lease may have been renewed since: the acquisition is the same
    return a.pid() == b.pid() && a.host().equals(b.host()) && a.bootId().equals(b.bootId())
        && a.acquiredAt().equals(b.acquiredAt());
  }

  private static FileChannel open(Path file) {
    try {
      return FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
          StandardOpenOption.WRITE);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
