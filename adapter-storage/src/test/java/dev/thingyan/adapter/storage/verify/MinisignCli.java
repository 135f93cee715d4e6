package dev.thingyan.adapter.storage.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the real minisign binary (Debian's 0.11) for the interop tests. */
final class MinisignCli {

  static final Path BINARY = Path.of("/usr/bin/minisign");

  record Result(int exitCode, String output) {}

  private MinisignCli() {}

  static Result run(Path dir, String... args) throws IOException, InterruptedException {
    assertThat(BINARY).as("the interop tests need minisign: apt-get install minisign").exists();
    List<String> command = new ArrayList<>(List.of(BINARY.toString()));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
    byte[] out = p.getInputStream().readAllBytes();
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("minisign finished").isTrue();
    return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
  }

  /** Generates a key pair without a password as key.pub / key.sec in {@code dir}. */
  static void generateKeys(Path dir, String name) throws IOException, InterruptedException {
    Result r = run(dir, "-G", "-W", "-p", name + ".pub", "-s", name + ".sec");
    assertThat(r.exitCode()).as(r.output()).isZero();
  }

  /** Signs {@code file} (relative to dir) with minisign; {@code legacy} adds -l. */
  static byte[] sign(Path dir, String key, String file, String comment, boolean legacy)
      throws IOException, InterruptedException {
    List<String> args = new ArrayList<>(List.of("-S", "-s", key + ".sec", "-m", file, "-t", comment));
    if (legacy) {
      args.add("-l");
    }
    Result r = run(dir, args.toArray(String[]::new));
    assertThat(r.exitCode()).as(r.output()).isZero();
    return Files.readAllBytes(dir.resolve(file + ".minisig"));
  }
}
