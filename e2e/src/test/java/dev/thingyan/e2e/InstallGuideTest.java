package dev.thingyan.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.thingyan.bootstrap.demo.DemoReleaseServer;
import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Follows {@code docs/install-laravel.md} literally in a fresh folder ({@code target/guide}):
 * every {@code ```sh} block runs in order with bash as root ({@code set -euo pipefail}), after
 * section 0's names overridden the way an admin "changes these once" (the folders, a database and
 * user of its own, the loopback GitHub server, the test's signing key, the nginx port); blocks
 * marked {@code <!-- guide-test: skip -->} (apt, sudoers, systemctl) are not run; the
 * {@code ```nginx} block is served as it is by the test's nginx. Where the guide needs systemd the
 * test runs each unit's {@code ExecStart}: the queue worker as its {@code User=}, restarted when it
 * exits; the nightly {@code apply} for 1.1.0; {@code reports send}. {@code systemctl reload
 * php*-fpm} reloads the test's PHP-FPM through a shim first on the PATH.
 */
class InstallGuideTest {

  static final String DB_NAME = "e2e_guide_pms";
  static final String DB_USER = "e2e_guide_app";
  static final String APP_USER = "www-data";

  /** One fenced block of the guide: its language, its guide-test marker (or ""), its text. */
  record Block(int line, String lang, String marker, String text) {
    boolean runs() {
      return lang.equals("sh") && !marker.startsWith("skip");
    }
  }

  static List<Block> blocks(String markdown) {
    List<Block> blocks = new ArrayList<>();
    String[] lines = markdown.split("\n", -1);
    String lastNonBlank = "";
    for (int i = 0; i < lines.length; i++) {
      String l = lines[i];
      if (l.startsWith("```") && l.length() > 3) {
        String lang = l.substring(3).trim();
        StringBuilder text = new StringBuilder();
        int start = i + 1;
        for (i++; i < lines.length && !lines[i].startsWith("```"); i++) {
          text.append(lines[i]).append('\n');
        }
        Matcher m = Pattern.compile("<!--\\s*guide-test:\\s*(.*?)\\s*-->").matcher(lastNonBlank);
        blocks.add(new Block(start, lang, m.find() ? m.group(1) : "", text.toString()));
        lastNonBlank = "";
      } else if (!l.isBlank()) {
        lastNonBlank = l.trim();
      }
    }
    return blocks;
  }

  @Test
  void theInstallGuideInstallsAndUpdatesTheSampleApp() throws Exception {
    assumeTrue("root".equals(System.getProperty("user.name")), "the install guide test runs as root (bin/test)");
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/php")) && Files.isExecutable(Path.of("/usr/sbin/nginx")),
        "PHP or nginx is not installed: run e2e/setup.sh (bin/test-env does)");
    assumeTrue(listening(6379), "Redis is not running on 127.0.0.1:6379: run e2e/setup.sh (bin/test-env does)");

    Path e2eDir = Path.of(System.getProperty("e2e.dir", ".")).toAbsolutePath().normalize();
    Path guideFile = e2eDir.resolveSibling("docs/install-laravel.md");
    List<Block> blocks = blocks(Files.readString(guideFile));
    List<Block> sh = blocks.stream().filter(Block::runs).toList();
    Block nginx = blocks.stream().filter(b -> b.lang().equals("nginx")).findFirst()
        .orElseThrow(() -> new AssertionError("the guide has no ```nginx block"));
    assertThat(nginx.marker()).as("the nginx block's marker").startsWith("nginx");
    assertThat(sh.get(0).text()).as("section 0 exports the names").contains("export PMS_ROOT=");

    Path g = Path.of(System.getProperty("e2e.target", "target")).toAbsolutePath().resolve("guide");
    LaravelStack.deleteTree(g);
    Files.createDirectories(g);
    GuideSite.traversable(g);
    Path built = Path.of(System.getProperty("thingyan.jar", "../bootstrap/target/thingyan.jar"));
    assertThat(built).as("bootstrap's runnable jar (mvn verify packages it before e2e)").isRegularFile();
    Path jar = Files.copy(built, Files.createDirectories(g.resolve("dist")).resolve("thingyan.jar"));
    Path keys = Files.createDirectories(g.resolve("keys"));
    Proc.run(List.of("minisign", "-G", "-W", "-s", keys.resolve("release.key").toString(), "-p",
        keys.resolve("release.pub").toString())).ok();
    Releases releases = new Releases(e2eDir, g.resolve("built"), keys.resolve("release.key"));

    Path pmsRoot = g.resolve("srv/pms");
    Path etc = g.resolve("etc/thingyan");
    Path home = g.resolve("opt/thingyan");
    Path backups = g.resolve("backups");
    AppDb db = new AppDb(DB_NAME);
    dropDatabase();
    try (DemoReleaseServer github = new DemoReleaseServer("acme", "sample-pms");
        GuideGitHub api = new GuideGitHub(github.apiBase(), github.repository());
        GuideSite site = new GuideSite(g)) {
      Runtime.getRuntime().addShutdownHook(new Thread(site::close, "guide-site-stop"));
      Map<String, String> overrides = new LinkedHashMap<>();
      overrides.put("PMS_ROOT", pmsRoot.toString());
      overrides.put("THINGYAN_HOME", home.toString());
      overrides.put("THINGYAN_ETC", etc.toString());
      overrides.put("DB_NAME", DB_NAME);
      overrides.put("DB_USER", DB_USER);
      overrides.put("DB_PASSWORD", HexFormat.of().formatHex(random(12)));
      overrides.put("THINGYAN_JAR", jar.toString());
      overrides.put("PMS_REPO", github.repository());
      overrides.put("GITHUB_API_URL", api.apiBase());
      overrides.put("GITHUB_TOKEN", "github_pat_guide_test_" + HexFormat.of().formatHex(random(8)));
      overrides.put("GITHUB_ISSUES_TOKEN", "github_pat_guide_issues_" + HexFormat.of().formatHex(random(8)));
      overrides.put("RELEASE_PUB", keys.resolve("release.pub").toString());
      overrides.put("PMS_URL", "http://127.0.0.1:" + site.port);
      overrides.put("BACKUP_DIR", backups.toString());

      site.startPhpFpm();
      site.startNginx(nginx.text(), "/srv/pms", pmsRoot);
      github.publish(releases.build("1.0.0").forGitHub());

      // every block in order; section 10 (check, apply, status) installs 1.0.0
      List<Proc.Result> results = new ArrayList<>();
      for (Block b : sh.subList(1, sh.size())) {
        Proc.Result r = bash(site, g, sh.get(0), overrides, b);
        results.add(r);
        log(site, "block at line " + b.line() + " exit " + r.exit() + " in " + r.took().toMillis() + " ms\n" + r.out());
        assertThat(r.exit()).as("the guide's block at line %d failed:\n%s\n--- output:\n%s", b.line(), b.text(),
            r.out()).isZero();
      }
      Block install = sh.stream().filter(b -> b.text().contains("thingyan\" apply")).findFirst()
          .orElseThrow(() -> new AssertionError("no block runs `thingyan apply`"));
      String installOut = results.get(sh.indexOf(install) - 1).out();
      assertThat(versionAt(site, "/health")).as(installOut).isEqualTo("1.0.0");
      assertThat(pmsRoot.resolve("current").toRealPath().getFileName().toString()).startsWith("1.0.0");

      // the queue worker, as systemd runs pms-queue.service
      Map<String, String> queue = unit(etc.resolve("pms-queue.service"));
      assertThat(queue.get("User")).isEqualTo(APP_USER);
      assertThat(queue.get("Restart")).isEqualTo("always");
      GuideSite.Supervised worker = site.supervise("pms-queue", queue.get("User"), queue.get("Group"),
          Path.of(queue.get("WorkingDirectory")), systemdEnv(site, queue.get("User"), "/var/www", execStart(queue)));
      assertThat(versionOfWorker(site, db, Duration.ofSeconds(30))).isEqualTo("1.0.0");

      // the nightly update: thingyan-apply.service's ExecStart once 1.1.0 is published
      github.publish(releases.build("1.1.0").forGitHub());
      long fpm = site.phpFpmPid();
      Proc.Result nightly = runUnit(site, g, etc.resolve("thingyan-apply.service"));
      assertThat(nightly.exit()).as(nightly.out()).isZero();

      assertThat(versionAt(site, "/health")).as(nightly.out()).isEqualTo("1.1.0");
      assertThat(pmsRoot.resolve("current").toRealPath().getFileName().toString()).startsWith("1.1.0");
      assertThat(Files.readString(pmsRoot.resolve("current/app/Version.php"))).contains("VERSION = '1.1.0'");
      assertThat(db.columns("bookings")).as("1.1.0's migration ran").contains("nights");
      // PHP-FPM reloaded through `systemctl reload php8.2-fpm` as root (the shim), master kept
      assertThat(Files.readAllLines(site.shimLog())).as("systemctl calls")
          .anyMatch(l -> l.matches(".*uid=0 systemctl reload php[0-9.]*-fpm(\\.service)?$"))
          .allMatch(l -> l.contains("systemctl reload php"));
      assertThat(site.phpFpmPid()).isEqualTo(fpm);
      assertThat(ProcessHandle.of(fpm)).as("PHP-FPM still runs after its reload").hasValueSatisfying(
          p -> assertThat(p.isAlive()).isTrue());
      // queue:restart made the worker exit; started again (Restart=always), it runs 1.1.0
      assertThat(versionOfWorker(site, db, Duration.ofSeconds(30))).isEqualTo("1.1.0");
      assertThat(worker.starts()).isGreaterThanOrEqualTo(2);

      // nothing root-owned where the app writes (releases/ itself and shared/.env are root's on purpose)
      Proc.Result notApp = Proc.run(List.of("find", pmsRoot.resolve("shared/storage").toString(),
          pmsRoot.resolve("releases").toString(), "-mindepth", "1", "!", "-user", APP_USER));
      assertThat(notApp.ok().out()).as("files in releases/ and shared/storage not owned by " + APP_USER).isEmpty();
      assertThat(Files.getOwner(pmsRoot.resolve("shared/.env")).getName()).isEqualTo("root");

      // a backup before each update, where the guide says
      try (Stream<Path> files = Files.walk(backups)) {
        assertThat(files.filter(Files::isRegularFile).toList()).as("backups in " + backups).isNotEmpty();
      }

      // the error reports' unit
      Proc.Result reports = runUnit(site, g, etc.resolve("thingyan-reports.service"));
      assertThat(reports.exit()).as(reports.out()).isZero();
      assertThat(api.issueRequests).as("reports send asked GitHub for the issues with the issues token")
          .isNotEmpty().allMatch(a -> a.authorization() != null
              && a.authorization().endsWith(" " + overrides.get("GITHUB_ISSUES_TOKEN")));
      assertThat(overrides.get("GITHUB_TOKEN")).as("the token never shows")
          .isNotIn(installOut, nightly.out(), reports.out());
      // the release token reached the API (the listing came through GITHUB_API_URL; the asset
      // links the listing names point at the release server's own port, which is another host
      // for thingyan), never the download host a redirect points to
      assertThat(github.requests()).filteredOn(q -> q.server().equals("api") && q.target().contains("/releases?"))
          .isNotEmpty().allMatch(q -> q.header("Authorization").orElse("").endsWith(" " + overrides.get("GITHUB_TOKEN")));
      assertThat(github.requests()).filteredOn(q -> q.server().equals("storage"))
          .isNotEmpty().allMatch(q -> q.header("Authorization").isEmpty());
      assertThat(installOut + nightly.out() + reports.out()).doesNotContain(overrides.get("GITHUB_TOKEN"))
          .doesNotContain(overrides.get("GITHUB_ISSUES_TOKEN"))
          .doesNotContain(overrides.get("DB_PASSWORD"));
    } finally {
      dropDatabase();
    }
  }

  /** One guide block with bash as root: section 0's exports, the test's overrides, then the block. */
  private static Proc.Result bash(GuideSite site, Path cwd, Block names, Map<String, String> overrides, Block b) {
    StringBuilder script = new StringBuilder("set -euo pipefail\n").append(names.text());
    overrides.forEach((k, v) -> script.append("export ").append(k).append("='").append(v).append("'\n"));
    script.append("# --- the guide's block at line ").append(b.line()).append('\n').append(b.text());
    return Proc.run(Duration.ofMinutes(3), cwd, env(site, cwd), List.of("/bin/bash", "-c", script.toString()));
  }

  private static Map<String, String> env(GuideSite site, Path g) {
    return Map.of("PATH", site.path(), "HOME", g.resolve("root-home").toString(), "LANG", "C.UTF-8");
  }

  /** A oneshot unit: its ExecStart as root with systemd's PATH (the shim first). */
  private static Proc.Result runUnit(GuideSite site, Path g, Path unitFile) throws IOException {
    Map<String, String> unit = unit(unitFile);
    assertThat(unit.get("User")).as(unitFile + " runs as root").isNull();
    Proc.Result r = Proc.run(Duration.ofMinutes(3), Path.of("/"), Map.of(), systemdEnv(site, "root", "/root",
        execStart(unit)));
    log(site, unitFile.getFileName() + " ExecStart exit " + r.exit() + " in " + r.took().toMillis() + " ms\n" + r.out());
    return r;
  }

  /**
   * {@code command} with the environment systemd gives a service (nothing of the test's own:
   * {@code env -i}); HOME and USER as systemd sets them for the unit's user.
   */
  static List<String> systemdEnv(GuideSite site, String user, String home, List<String> command) {
    List<String> c = new ArrayList<>(List.of("env", "-i", "PATH=" + site.path(), "LANG=C.UTF-8", "HOME=" + home,
        "USER=" + user, "LOGNAME=" + user));
    c.addAll(command);
    return c;
  }

  /** The keys of a systemd unit file (the last one wins, as for every key used here). */
  static Map<String, String> unit(Path file) throws IOException {
    Map<String, String> keys = new LinkedHashMap<>();
    for (String l : Files.readAllLines(file)) {
      int eq = l.indexOf('=');
      if (eq > 0 && !l.startsWith("#") && !l.startsWith("[")) {
        keys.put(l.substring(0, eq).trim(), l.substring(eq + 1).trim());
      }
    }
    return keys;
  }

  private static List<String> execStart(Map<String, String> unit) {
    String line = unit.get("ExecStart");
    assertThat(line).as("ExecStart").isNotBlank().doesNotContain("\"").doesNotContain("'").doesNotContain("$");
    return Arrays.asList(line.split("\\s+"));
  }

  private static String versionAt(GuideSite site, String path) {
    try {
      var r = LaravelStack.HTTP.send(java.net.http.HttpRequest.newBuilder(
          java.net.URI.create("http://127.0.0.1:" + site.port + path)).timeout(Duration.ofSeconds(10)).build(),
          java.net.http.HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).as(path + " answered " + r.body()).isEqualTo(200);
      Matcher m = Pattern.compile("\"app_version\"\\s*:\\s*\"([^\"]+)\"").matcher(r.body());
      assertThat(m.find()).as(r.body()).isTrue();
      return m.group(1);
    } catch (IOException e) {
      throw new AssertionError(path + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** Dispatches a job through the site and waits for the worker to record it: the version that ran it. */
  private static String versionOfWorker(GuideSite site, AppDb db, Duration timeout) throws Exception {
    String token = "g" + System.nanoTime();
    var r = LaravelStack.HTTP.send(java.net.http.HttpRequest.newBuilder(
            java.net.URI.create("http://127.0.0.1:" + site.port + "/api/jobs")).timeout(Duration.ofSeconds(10))
        .header("Content-Type", "application/json").header("Accept", "application/json")
        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"token\":\"" + token + "\"}")).build(),
        java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as("POST /api/jobs: " + r.body()).isEqualTo(202);
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      String v = db.scalar("SELECT app_version FROM job_runs WHERE token = '" + token + "'");
      if (v != null) {
        return v;
      }
      LaravelStack.sleepQuietly(200);
    }
    throw new AssertionError("the queue worker did not run job " + token + " within " + timeout + "; its log:\n"
        + LaravelStack.tail(site.logs.resolve("pms-queue.log"), 3000));
  }

  private static void dropDatabase() {
    AppDb.admin("DROP DATABASE IF EXISTS " + DB_NAME, "DROP USER IF EXISTS '" + DB_USER + "'@'127.0.0.1'",
        "DROP USER IF EXISTS '" + DB_USER + "'@'localhost'");
  }

  private static void log(GuideSite site, String text) {
    try {
      Files.writeString(site.logs.resolve("guide-test.log"), java.time.Instant.now() + " " + text + "\n",
          java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
    } catch (IOException e) {
      // only for the reader
    }
  }

  private static byte[] random(int n) {
    byte[] b = new byte[n];
    new java.security.SecureRandom().nextBytes(b);
    return b;
  }

  private static boolean listening(int port) {
    try (Socket s = new Socket("127.0.0.1", port)) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
