package dev.thingyan.adapter.storage.release;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** The system's GNU tar, run on an archive: what a reviewer would list and unpack. */
final class SystemTar {
  private SystemTar() {}

  /** What {@code tar} printed and how it exited. */
  record Run(int exit, List<String> lines, String errors) {}

  static Run list(Path archive) throws IOException, InterruptedException {
    return run(List.of("tar", "-tf", archive.toString()));
  }

  static Run extract(Path archive, Path into) throws IOException, InterruptedException {
    Files.createDirectories(into);
    return run(List.of("tar", "-xf", archive.toString(), "-C", into.toString(),
        "--no-same-owner"));
  }

  static Run run(List<String> command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(
        Path.of("/dev/null").toFile())).start();
    byte[] out = p.getInputStream().readAllBytes();
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    int exit = p.waitFor();
    return new Run(exit, new String(out, StandardCharsets.UTF_8).lines().toList(), err);
  }

  /**
   * @return each path under {@code root} with what it is: {@code file:<content>},
   *     {@code dir}, {@code link:<target>}; a comparison of two unpacked trees
   */
  static Map<String, String> tree(Path root) throws IOException {
    Map<String, String> tree = new TreeMap<>();
    try (Stream<Path> all = Files.walk(root)) {
      for (Path p : all.filter(p -> !p.equals(root)).toList()) {
        String what = Files.isSymbolicLink(p) ? "link:" + Files.readSymbolicLink(p)
            : Files.isDirectory(p) ? "dir"
            : "file:" + new String(Files.readAllBytes(p), StandardCharsets.UTF_8);
        tree.put(root.relativize(p).toString(), what);
      }
    }
    return tree;
  }
}
