package dev.thingyan.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.thingyan.bootstrap.demo.SampleEdition;
import dev.thingyan.ports.model.Run;
import dev.thingyan.ports.model.RunState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * thingyan installed as root with {@code app.user: www-data}, as the install guide allows: the
 * release and every hook's files belong to www-data, and so does the app its post_swap hook starts.
 */
class AppUserRunTest {
  @TempDir Path dir;

  @Test
  void hooksRunAsTheAppUserAndItOwnsTheRelease() throws Exception {
    assumeTrue("root".equals(System.getProperty("user.name")), "switching users needs root");
    try (Sandbox sandbox = new Sandbox(dir,
        yaml -> yaml.replace("  profile: generic", "  profile: generic\n  user: www-data"))) {
      readableByWwwData(sandbox);

      Run run = sandbox.install(SampleEdition.V1);

      assertThat(run.state()).as(() -> sandbox.log(run)).isEqualTo(RunState.COMPLETED);
      assertThat(sandbox.health()).startsWith("200 ");
      Path release = run.releaseDir().orElseThrow();
      try (Stream<Path> all = Files.walk(release)) {
        assertThat(all.map(AppUserRunTest::owner)).containsOnly("www-data:www-data");
      }
      // the migration (a hook) wrote the database and the started app wrote its pid file as www-data
      try (Stream<Path> shared = Files.list(sandbox.env.appRoot().resolve("shared"))) {
        List<Path> written = shared.filter(p -> !p.getFileName().toString().equals("demo.env")).toList();
        assertThat(written).isNotEmpty();
        assertThat(written.stream().map(AppUserRunTest::owner)).containsOnly("www-data:www-data");
      }
      assertThat(sandbox.stepOutcomes(run)).contains("app_files_writable:SUCCEEDED");
    }
  }

  /** The sandbox lives in root's temporary folder; www-data must reach it as it reaches /srv. */
  private void readableByWwwData(Sandbox sandbox) throws IOException, InterruptedException {
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path shared = sandbox.env.appRoot().resolve("shared");
    Path envFile = shared.resolve("demo.env");
    String env = Files.readString(envFile);
    String classpath = env.lines().filter(l -> l.contains("THINGYAN_DEMO_CLASSPATH:="))
        .findFirst().orElseThrow().replaceAll(".*:=\\\\?'?([^'}]*)'?}.*", "$1");
    Path lib = Files.createDirectories(dir.resolve("lib"));
    List<String> copied = new ArrayList<>();
    for (String jar : classpath.split(":")) {
      Path to = lib.resolve(Path.of(jar).getFileName().toString());
      Files.copy(Path.of(jar), to, StandardCopyOption.REPLACE_EXISTING);
      copied.add(to.toString());
    }
    Files.writeString(envFile, env.replace(classpath, String.join(":", copied)));
    Process chown = new ProcessBuilder("chown", "-R", "www-data:www-data", shared.toString())
        .inheritIO().start();
    assertThat(chown.waitFor()).isZero();
  }

  private static String owner(Path p) {
    try {
      PosixFileAttributes a = Files.readAttributes(p, PosixFileAttributes.class,
          LinkOption.NOFOLLOW_LINKS);
      return a.owner().getName() + ":" + a.group().getName();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
