import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.thingyan.bootstrap.ThingyanBuilder;
import dev.thingyan.bootstrap.ThingyanSystem;
import dev.thingyan.bootstrap.config.ConfigLoader;
import dev.thingyan.ports.in.UpdateRequest;
import dev.thingyan.ports.model.Actor;
import dev.thingyan.ports.model.RunOptions;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

/**
 * What embedding thingyan costs a host JVM (issue 14's benchmark): the host has its pool on
 * PostgreSQL open; then it builds thingyan with that DataSource, applies one release, and the
 * heap (after GC), loaded classes and live threads are compared with the host before; then again
 * after close(). Compiled against the API main and this branch share (ConfigLoader + builder), so
 * one source runs on either class path (bench/embed-footprint.sh).
 */
public final class EmbedFootprint {

  public static void main(String[] args) throws Exception {
    String label = args[0];
    Path dir = Files.createTempDirectory("thingyan-embed-fp");
    String db = "embed_fp_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    String admin = "jdbc:postgresql://127.0.0.1:5432/postgres";
    try (Connection c = DriverManager.getConnection(admin, "postgres", "")) {
      c.createStatement().execute("CREATE DATABASE " + db);
    }
    HikariConfig h = new HikariConfig();
    h.setJdbcUrl("jdbc:postgresql://127.0.0.1:5432/" + db);
    h.setUsername("postgres");
    h.setMaximumPoolSize(4);
    try (HikariDataSource host = new HikariDataSource(h)) {
      try (Connection c = host.getConnection()) {
        c.createStatement().execute("SELECT 1");
      }
      Path releases = Files.createDirectories(dir.resolve("releases"));
      publish(dir, releases, "1.0.0");
      Path config = Files.writeString(dir.resolve("thingyan.yaml"), String.join("\n",
          "app:", "  root: " + dir.resolve("app"), "  profile: generic",
          "  package_asset: [\"app-*.tar.gz\"]",
          "source:", "  type: folder", "  folder:", "    path: " + releases,
          "verify:", "  allow_unsigned: true",
          "health:", "  checks: [{type: command, run: \"true\"}]",
          "database:", "  engine: postgresql", "  url: jdbc:postgresql://127.0.0.1:5432/" + db,
          "  user: postgres",
          "backup:", "  local:", "    path: " + dir.resolve("backups"), ""));
      java.util.Set<String> threadsBefore = threadNames();
      long[] before = sample();
      long[][] run = applyOnce(config, host);
      String state = run[1][0] == 1 ? "COMPLETED" : "NOT_COMPLETED";
      long[] after = run[0];
      Thread.sleep(2000);
      long[] closed = sample(); // the system is unreachable now: applyOnce's frame is gone
      java.util.Set<String> left = threadNames();
      left.removeAll(threadsBefore);
      System.out.printf("%s state=%s heap_before_kb=%d heap_after_apply_kb=%d heap_after_close_kb=%d"
          + " classes_added=%d threads_before=%d threads_after_apply=%d threads_after_close=%d"
          + " threads_left=%s%n",
          label, state, before[0] / 1024, after[0] / 1024, closed[0] / 1024, after[1] - before[1],
          before[2], after[2], closed[2], String.join(",", left).replace(' ', '_'));
    } finally {
      try (Connection c = DriverManager.getConnection(admin, "postgres", "")) {
        c.createStatement().execute("DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
      }
    }
  }

  /** @return the sample taken after the apply (system open), and {1} when the run completed */
  private static long[][] applyOnce(Path config, javax.sql.DataSource host) throws Exception {
    try (ThingyanSystem system = ThingyanBuilder.from(ConfigLoader.load(config)).journal(host).build()) {
      boolean completed = system.applyUpdate().apply(new UpdateRequest(new Actor("bench"),
          Optional.empty(), RunOptions.DEFAULT)).state().toString().equals("COMPLETED");
      return new long[][] {sample(), {completed ? 1 : 0}};
    }
  }

  private static java.util.Set<String> threadNames() {
    java.util.Set<String> names = new java.util.TreeSet<>();
    Thread.getAllStackTraces().keySet().forEach(t -> names.add(t.getName()));
    return names;
  }

  /** @return used heap after GC, loaded classes, live threads */
  private static long[] sample() throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(200);
    }
    Runtime rt = Runtime.getRuntime();
    return new long[] {rt.totalMemory() - rt.freeMemory(),
        ManagementFactory.getClassLoadingMXBean().getLoadedClassCount(),
        ManagementFactory.getThreadMXBean().getThreadCount()};
  }

  private static void publish(Path dir, Path releases, String version) throws Exception {
    Path tree = Files.createDirectories(dir.resolve("build/app-" + version));
    Files.writeString(tree.resolve("VERSION"), version);
    Path folder = Files.createDirectories(releases.resolve("v" + version));
    String pkg = "app-" + version + ".tar.gz";
    Process tar = new ProcessBuilder("tar", "-czf", folder.resolve(pkg).toString(), "-C",
        dir.resolve("build").toString(), "app-" + version).inheritIO().start();
    if (tar.waitFor() != 0) {
      throw new IllegalStateException("tar failed");
    }
    String sum = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
        .digest(Files.readAllBytes(folder.resolve(pkg))));
    Files.writeString(folder.resolve("SHA256SUMS"), sum + "  " + pkg + "\n");
  }
}
