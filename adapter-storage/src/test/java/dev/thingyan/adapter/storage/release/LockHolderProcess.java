package dev.thingyan.adapter.storage.release;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * A second process for the lock tests (JDK only, run from the test classes folder).
 * {@code hold <file>}: takes the OS lock, records itself, prints {@code locked} and waits to be
 * killed. {@code probe <file>}: exits 0 when the lock could be taken, 3 when it is held.
 */
public final class LockHolderProcess {
  private LockHolderProcess() {}

  public static void main(String[] args) throws Exception {
    try (FileChannel channel = FileChannel.open(Path.of(args[1]), StandardOpenOption.CREATE,
        StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      if (args[0].equals("probe")) {
        FileLock lock = channel.tryLock();
        System.exit(lock == null ? 3 : 0);
      }
      channel.lock();
      Instant now = Instant.now();
      String record = "pid=" + ProcessHandle.current().pid() + "\nhost=child\nbootId=b\nacquiredAt="
          + now + "\nleaseUntil=" + now.plusSeconds(600) + "\n";
      channel.truncate(0);
      channel.write(ByteBuffer.wrap(record.getBytes(StandardCharsets.UTF_8)), 0);
      System.out.println("locked");
      System.out.flush();
      Thread.sleep(120_000);
    }
  }
}
