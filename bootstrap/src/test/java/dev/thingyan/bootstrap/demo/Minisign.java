package dev.thingyan.bootstrap.demo;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Runs the real {@code minisign -V}, the reference our signatures must satisfy. */
final class Minisign {

  static final Path BINARY = Path.of("/usr/bin/minisign");

  private Minisign() {}

  record Result(int exit, String output) {}

  /** Verifies {@code file} against {@code file.minisig} with the public key file {@code pub}. */
  static Result verify(Path pub, Path file) throws Exception {
    assumeTrue(Files.isExecutable(BINARY), "minisign is not installed (apt-get install minisign)");
    Process p = new ProcessBuilder(BINARY.toString(), "-V", "-p", pub.toString(), "-m",
        file.toString()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(30, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("minisign did not finish");
    }
    return new Result(p.exitValue(), out);
  }
}
