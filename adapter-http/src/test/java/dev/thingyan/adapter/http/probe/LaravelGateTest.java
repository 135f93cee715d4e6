package dev.thingyan.adapter.http.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.thingyan.ports.model.GateBypass;
import dev.thingyan.ports.model.ProbeContext;
import dev.thingyan.ports.model.ProbeResult;
import dev.thingyan.ports.model.ProbeResult.Verdict;
import dev.thingyan.ports.model.Version;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The probe against a real Laravel 8 app (Debian's php-laravel-framework, served by {@code php -S})
 * put down with the laravel profile's own command, {@code php artisan down --retry=60
 * --secret="$THINGYAN_GATE_SECRET"}. Skipped only where there is no {@code php}.
 */
class LaravelGateTest {

  private static final GateBypass GATE = new GateBypass("Zq3-Xk9_Lm2Np7Rs5Tv8Wy4Bc6Df1Gh");
  private static final Optional<Version> V110 = Optional.of(Version.parse("1.1.0"));

  @TempDir Path dir;
  private Process server;

  @AfterEach
  void stopServer() throws InterruptedException {
    if (server != null) {
      server.destroy();
      if (!server.waitFor(10, TimeUnit.SECONDS)) server.destroyForcibly();
    }
  }

  @Test
  void probesPassLaravelsOwnGateWithTheBypassAndGuestsDoNot() throws Exception {
    assumeTrue(onPath("php"), "php is not installed");
    Path app = copyApp();
    int port = freePort();
    server = new ProcessBuilder("php", "-S", "127.0.0.1:" + port, "-t", "public", "public/index.php")
        .directory(app.toFile()).redirectErrorStream(true)
        .redirectOutput(dir.resolve("server.log").toFile()).start();
    HttpHealthProbe probe = new HttpHealthProbe(HttpTarget.of("http://127.0.0.1:" + port + "/health")
        .withTimeout(Duration.ofSeconds(10)));
    awaitUp(probe);

    artisan(app, "php artisan down --retry=60 --secret=\"$THINGYAN_GATE_SECRET\"");
    assertThat(app.resolve("storage/framework/down")).content().contains(GATE.secret());

    ProbeResult guest = probe.probe(new ProbeContext(V110));
    assertThat(guest.verdict()).as(guest.detail()).isEqualTo(Verdict.NOT_READY);
    assertThat(guest.detail()).contains("-> 503");

    ProbeResult behind = probe.probe(new ProbeContext(V110, Optional.of(GATE)));
    assertThat(behind.verdict()).as(behind.detail()).isEqualTo(Verdict.OK);
    assertThat(behind.detail()).contains("app_version 1.1.0", "bypass cookie").doesNotContain(GATE.secret());

    artisan(app, "php artisan up");
    assertThat(probe.probe(new ProbeContext(V110)).ok()).isTrue();
  }

  private Path copyApp() throws IOException, URISyntaxException {
    Path source = Path.of(getClass().getResource("/laravel-gate-app").toURI());
    Path app = dir.resolve("app");
    try (Stream<Path> walk = Files.walk(source)) {
      for (Path p : walk.toList()) {
        Path target = app.resolve(source.relativize(p).toString());
        if (Files.isDirectory(p)) Files.createDirectories(target);
        else Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
      }
    }
    for (String d : List.of("bootstrap/cache", "storage/framework/cache", "storage/framework/views",
        "storage/framework/sessions", "storage/logs")) {
      Files.createDirectories(app.resolve(d));
    }
    return app;
  }

  private void artisan(Path app, String command) throws Exception {
    ProcessBuilder pb = new ProcessBuilder("/bin/sh", "-c", command).directory(app.toFile())
        .redirectErrorStream(true);
    pb.environment().putAll(Map.of("THINGYAN_GATE_SECRET", GATE.secret()));
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes());
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(command + ": " + out).isZero();
  }

  private void awaitUp(HttpHealthProbe probe) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    ProbeResult r;
    do {
      r = probe.probe(new ProbeContext(V110));
      if (r.ok()) return;
      Thread.sleep(200);
    } while (System.nanoTime() < deadline);
    throw new AssertionError("the Laravel app did not answer: " + r.detail() + "\n"
        + Files.readString(dir.resolve("server.log")));
  }

  private static boolean onPath(String program) {
    return Stream.of(System.getenv().getOrDefault("PATH", "").split(":"))
        .anyMatch(d -> !d.isEmpty() && Files.isExecutable(Path.of(d, program)));
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
