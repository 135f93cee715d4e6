package dev.thingyan.bootstrap.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/**
 * The demo's sample app: a small booking service (a single-file Java program with an SQLite
 * database) written out as the release tree of one of three editions. Each edition ships the
 * migrations of the ones before it, Laravel style; the third one starts but reports itself
 * unhealthy, so that the demo can show an automatic rollback.
 *
 * <p>Release tree: {@code app/App.java}, {@code config/app.properties},
 * {@code database/migrations/*.sql}, {@code bin/app.sh} (serve | migrate | pending),
 * {@code bin/restart.sh}, {@code bin/stop.sh}. The scripts find the app root two folders up
 * ({@code releases/<name>/}) and keep the pid, log and {@code demo.env} in {@code shared/}.
 */
public final class SampleApp {

  private static final String RESOURCES = "sample-app/";
  private static final List<String> BIN = List.of("app.sh", "restart.sh", "stop.sh");

  private SampleApp() {}

  /**
   * Writes the release tree of {@code edition} into {@code dir} (created if absent).
   *
   * @return {@code dir}
   */
  public static Path writeRelease(SampleEdition edition, Path dir) {
    try {
      Files.createDirectories(dir.resolve("app"));
      Files.createDirectories(dir.resolve("bin"));
      Files.createDirectories(dir.resolve("config"));
      Files.createDirectories(dir.resolve("database/migrations"));
      copy("App.java.txt", dir.resolve("app/App.java"));
      for (String script : BIN) {
        Path target = dir.resolve("bin").resolve(script);
        copy(script, target);
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
      }
      for (String migration : edition.migrations()) {
        copy("migrations/" + migration + ".sql",
            dir.resolve("database/migrations/" + migration + ".sql"));
      }
      Files.writeString(dir.resolve("config/app.properties"), edition.properties());
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException("could not write the sample app's release into " + dir, e);
    }
  }

  /**
   * Writes {@code <appRoot>/shared/demo.env}, the defaults the scripts read: the JDK, the
   * classpath, the port and the database {@code <appRoot>/shared/database.sqlite}.
   *
   * @return the database file's path (it is created by the first migration)
   */
  public static Path writeSharedEnv(Path appRoot, SampleAppRuntime runtime, int port) {
    Path shared = appRoot.resolve("shared");
    Path database = shared.resolve("database.sqlite").toAbsolutePath();
    String env = "# written by thingyan demo: defaults for bin/*.sh; variables already set win\n"
        + ": \"${THINGYAN_DEMO_JAVA:=" + shellQuote(runtime.java().toString()) + "}\"\n"
        + ": \"${THINGYAN_DEMO_CLASSPATH:=" + shellQuote(runtime.classpath()) + "}\"\n"
        + ": \"${APP_PORT:=" + port + "}\"\n"
        + ": \"${DB_DATABASE:=" + shellQuote(database.toString()) + "}\"\n"
        + "export THINGYAN_DEMO_JAVA THINGYAN_DEMO_CLASSPATH APP_PORT DB_DATABASE\n";
    try {
      Files.createDirectories(shared);
      Files.writeString(shared.resolve("demo.env"), env);
      return database;
    } catch (IOException e) {
      throw new UncheckedIOException("could not write " + shared.resolve("demo.env"), e);
    }
  }

  /** Quotes for {@code ${VAR:=word}}: inside double quotes, so only $ ` " \ need escaping. */
  static String shellQuote(String s) {
    return s.replaceAll("([$`\"\\\\])", "\\\\$1");
  }

  private static void copy(String resource, Path target) throws IOException {
    try (InputStream in = SampleApp.class.getResourceAsStream(RESOURCES + resource)) {
      if (in == null) {
        throw new IOException("the resource " + RESOURCES + resource + " is missing from the build");
      }
      Files.write(target, in.readAllBytes());
    }
  }
}
