package dev.thingyan.adapter.storage.release;

import dev.thingyan.ports.model.LockHolder;
import dev.thingyan.ports.out.RunLock;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The run lock as an OS file lock ({@code FileChannel.tryLock}, POSIX {@code fcntl}) on a file,
 * normally {@code <app_root>/.thingyan/lock}, held until {@link #release}. The file also holds the
 * holder's record (pid, host, boot id, times) for display.
 *
 * <p>The OS drops the lock when its process dies, so a lock that can be taken is free, whatever a
 * dead holder left written in the file: {@link #holder()} is empty then, and shows the recorded
 * holder only while a live process (or this JVM) holds it. For the same reason
 * {@link #tryAcquire} ignores {@code expected}: there is never a stale holder to take over by
 * compare-and-set, and a live holder's OS lock cannot be taken whatever the caller expects.
 *
 * <p>Nothing else in the JVM may open and close the lock file while the lock is held: a POSIX
 * lock belongs to the process and is dropped when ANY descriptor of the file is closed. All
 * instances for one file therefore share one channel (see {@code SharedLockFile}).
 */
public final class FileRunLock implements RunLock {
  private static final Logger LOG = LoggerFactory.getLogger(FileRunLock.class);

  private final Path file;

  /** @param lockFile the lock file, created with its folder when first used */
  public FileRunLock(Path lockFile) {
    this.file = Objects.requireNonNull(lockFile, "lockFile").toAbsolutePath().normalize();
  }

  @Override
  public String name() {
    return "file " + file;
  }

  @Override
  public Optional<LockHolder> holder() {
    return Io.call("read the lock " + file, () -> SharedLockFile.of(file).holder());
  }

  @Override
  public boolean tryAcquire(LockHolder me, Optional<LockHolder> expected) {
    Objects.requireNonNull(me, "me");
    boolean taken = Io.call("lock " + file, () -> SharedLockFile.of(file).tryAcquire(me));
    if (taken) {
      LOG.debug("{} taken by {}", name(), me);
    }
    return taken;
  }

  @Override
  public void release(LockHolder me) {
    Io.run("unlock " + file, () -> SharedLockFile.of(file).release(me));
  }
}
