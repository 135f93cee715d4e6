package dev.thingyan.bench;

import dev.thingyan.bootstrap.demo.DemoRelease;
import dev.thingyan.bootstrap.demo.DemoReleaseServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

/**
 * The loopback release host, in its own JVM so that serving does not pollute the client's
 * measurement: thingyan's demo server ({@link DemoReleaseServer}: GitHub's release API, whose
 * asset URLs answer 302 to a storage server on another port that serves the file with Range)
 * publishing every release folder {@link ReleaseFactory} wrote.
 *
 * <p>{@code BenchServer --releases DIR --info FILE}: writes {@code api=<base URL>} to FILE once
 * it serves, then runs until killed.
 */
public final class BenchServer {
  private BenchServer() {}

  public static void main(String[] argv) throws Exception {
    Args args = new Args(argv);
    Path releases = Path.of(args.get("releases"));
    DemoReleaseServer server = new DemoReleaseServer("bench", "app");
    Runtime.getRuntime().addShutdownHook(new Thread(server::close));
    List<Path> dirs;
    try (Stream<Path> s = Files.list(releases)) {
      dirs = s.filter(Files::isDirectory).sorted().toList();
    }
    for (Path dir : dirs) {
      String tag = dir.getFileName().toString();
      String version = tag.substring(1);
      List<Path> assets = new ArrayList<>();
      assets.add(dir.resolve("app-" + version + ".tar.gz"));
      assets.add(dir.resolve("release.json"));
      assets.add(dir.resolve("SHA256SUMS"));
      assets.add(dir.resolve("SHA256SUMS.minisig"));
      server.publish(new DemoRelease(version, tag, "bench " + tag, "", dir, assets));
    }
    Path info = Path.of(args.get("info"));
    Path tmp = info.resolveSibling(info.getFileName() + ".tmp");
    Files.writeString(tmp, "api=" + server.apiBase() + "\nstorage=" + server.storageBase() + "\n");
    Files.move(tmp, info, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    System.out.println("bench server: api " + server.apiBase() + ", storage " + server.storageBase()
        + ", " + dirs.size() + " releases");
    new CountDownLatch(1).await();
  }
}
