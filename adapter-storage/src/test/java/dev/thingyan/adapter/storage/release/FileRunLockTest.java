package dev.thingyan.adapter.storage.release;

import static org.assertj.core.api.Assertions.assertThat;

import dev.thingyan.ports.model.LockHolder;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The OS file lock against a second JVM, which is killed with SIGKILL to free it. */
class FileRunLockTest {
  private static final Instant T = Instant.parse("2025-01-01T00:00:00Z");
  private static final LockHolder ME = new LockHolder(ProcessHandle.current().pid(), "here", "boot",
      T, T.plusSeconds(600));
  private static final LockHolder OTHER = new LockHolder(999_999, "here", "boot", T, T);

  @TempDir Path tmp;
  private Process child;

  @AfterEach
  void killChild() throws InterruptedException {
    if (child != null) {
      child.destroyForcibly().waitFor();
    }
  }

  @Test
  void aLiveProcessHoldsItUntilItIsKilled() throws Exception {
    Path file = tmp.resolve("app/.thingyan/lock");
    FileRunLock lock = new FileRunLock(file);
    assertThat(lock.holder()).isEmpty(); // creates the folder and file too
    child = java("hold", file);
    assertThat(new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))
        .readLine()).isEqualTo("locked");

    assertThat(lock.tryAcquire(ME, Optional.empty())).isFalse();
    assertThat(lock.holder()).map(LockHolder::pid).contains(child.pid());

    child.destroyForcibly(); // SIGKILL: no chance to unlock or clean the file
    assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();

    assertThat(Files.readString(file)).contains("pid=" + child.pid()); // the dead holder's record
    assertThat(lock.holder()).isEmpty();
    assertThat(lock.tryAcquire(ME, Optional.of(OTHER))).isTrue();
    assertThat(lock.holder()).contains(ME);
    assertThat(catFile(file)).contains("pid=" + ME.pid());
    assertThat(probe(file)).isEqualTo(3);
    lock.release(ME);
    assertThat(probe(file)).isZero();
  }

  @Test
  void aSecondLockObjectInThisJvmSeesItHeldAndDoesNotDropIt() throws Exception {
    Path file = tmp.resolve("lock");
    FileRunLock first = new FileRunLock(file);
    FileRunLock second = new FileRunLock(tmp.resolve("./lock"));
    assertThat(first.tryAcquire(ME, Optional.empty())).isTrue();

    assertThat(second.tryAcquire(OTHER, Optional.empty())).isFalse();
    assertThat(second.holder()).contains(ME);
    assertThat(probe(file)).as("still held at the OS level").isEqualTo(3);

    second.release(OTHER); // not the holder: nothing happens
    assertThat(probe(file)).isEqualTo(3);
    assertThat(first.tryAcquire(ME, Optional.empty())).as("the holder again").isTrue();
    first.release(ME);
    assertThat(second.holder()).isEmpty();
    assertThat(second.tryAcquire(OTHER, Optional.empty())).isTrue();
    second.release(OTHER);
  }

  @Test
  void namesItsFile() {
    assertThat(new FileRunLock(tmp.resolve("x/lock")).name()).isEqualTo("file " + tmp.resolve("x/lock"));
  }

  private Process java(String mode, Path file) throws IOException {
    String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String classes = Path.of(codeSource()).toString();
    return new ProcessBuilder(javaBin, "-cp", classes, LockHolderProcess.class.getName(), mode,
        file.toString()).redirectErrorStream(true).start();
  }

  /**
   * Reads the lock file from another process: opening and closing it here would drop this JVM's
   * lock (POSIX locks belong to the process and go with any closed descriptor of the file).
   */
  private static String catFile(Path file) throws Exception {
    Process cat = new ProcessBuilder("cat", file.toString()).start();
    String text = new String(cat.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(cat.waitFor()).isZero();
    return text;
  }

  private int probe(Path file) throws Exception {
    Process p = java("probe", file);
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    return p.exitValue();
  }

  private static java.net.URI codeSource() {
    try {
      return LockHolderProcess.class.getProtectionDomain().getCodeSource().getLocation().toURI();
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
