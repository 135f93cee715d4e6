package dev.thingyan.e2e;

import dev.thingyan.bootstrap.demo.DemoReleaseServer;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * One real app stack for the whole e2e suite, built as a Debian server running a Laravel PMS is:
 * nginx (its own config, a loopback port) serving {@code <root>/current/public} through PHP-FPM
 * (pool user www-data, {@code $realpath_root}), a queue worker ({@code php artisan queue:work} as
 * www-data, restarted whenever it exits, as systemd's {@code Restart=always} does after
 * {@code queue:restart}), MariaDB with the app's own user and the grants a real install has,
 * Redis, a minisign key, and the loopback GitHub-compatible release server. thingyan runs as the
 * install guide says: {@code java -jar thingyan.jar --config FILE ...} as the app user.
 *
 * <p>Everything lives under {@code e2e/target/stack}; {@link #close()} stops every process.
 */
final class LaravelStack implements AutoCloseable {

  static final String DB_NAME = "e2e_laravel_pms";
  static final String DB_USER = "e2e_laravel_app";

  final Path e2eDir = Path.of(System.getProperty("e2e.dir", ".")).toAbsolutePath().normalize();
  final Path dir;
  final Path root;
  final Path logs;
  final Path run;
  final Path releaseFolder;
  final Path jar;
  final int port;
  /** The loopback-only preview site (docs/nginx/thingyan-preview.conf): root through .thingyan/preview. */
  final int previewPort;
  final AppDb db = new AppDb(DB_NAME);
  final DemoReleaseServer github = new DemoReleaseServer("acme", "sample-pms");
  final Releases releases;
  final String publicKeyLine;
  private final String dbPassword = HexFormat.of().formatHex(randomBytes(12));
  private final String redisPrefix = "e2e_" + System.currentTimeMillis() + "_";
  private final List<Process> services = new ArrayList<>();
  private final Worker worker;

  LaravelStack() {
    Path target = Path.of(System.getProperty("e2e.target", "target")).toAbsolutePath();
    dir = target.resolve("stack");
    root = dir.resolve("app");
    logs = dir.resolve("logs");
    run = dir.resolve("run");
    releaseFolder = dir.resolve("release-folder");
    port = freePort();
    int other = freePort();
    while (other == port) {
      other = freePort();
    }
    previewPort = other;
    try {
      deleteTree(dir);
      for (Path p : List.of(root, logs, run, releaseFolder, dir.resolve("home"), dir.resolve("backups"),
          dir.resolve("keys"), dir.resolve("built"), root.resolve("shared/storage"))) {
        Files.createDirectories(p);
      }
      traversable(dir);
      Path built = Path.of(System.getProperty("thingyan.jar", "../bootstrap/target/thingyan.jar"));
      if (!Files.isRegularFile(built)) {
        throw new AssertionError(built + " is missing: run the tests through the reactor (bin/test, or"
            + " mvn verify -pl e2e -am), which packages bootstrap's runnable jar before e2e's tests");
      }
      // a copy: a parallel build must not replace the jar under a running thingyan
      jar = Files.copy(built, dir.resolve("thingyan.jar"), StandardCopyOption.REPLACE_EXISTING);
      Proc.run(List.of("minisign", "-G", "-W", "-s", dir.resolve("keys/release.key").toString(), "-p",
          dir.resolve("keys/release.pub").toString())).ok();
      publicKeyLine = Files.readAllLines(dir.resolve("keys/release.pub")).get(1).trim();
      releases = new Releases(e2eDir, dir.resolve("built"), dir.resolve("keys/release.key"));
      database();
      sharedFiles();
      writeConfigs();
      Proc.run(List.of("chown", "-R", Proc.APP_USER + ":" + Proc.APP_USER, root.toString(), logs.toString(),
          dir.resolve("home").toString(), dir.resolve("backups").toString(), releaseFolder.toString())).ok();
      startPhpFpm();
      startNginx();
      worker = new Worker();
      // SIGTERM or an interrupted build: stop the services too (SIGKILL: see Proc.diesWithTheTests)
      Runtime.getRuntime().addShutdownHook(new Thread(this::close, "e2e-stack-stop"));
    } catch (IOException e) {
      close();
      throw new UncheckedIOException(e);
    } catch (RuntimeException | Error e) {
      close();
      throw e;
    }
  }

  // ---------------------------------------------------------------- the app's surroundings

  private void database() {
    AppDb.admin("DROP DATABASE IF EXISTS " + DB_NAME, "CREATE DATABASE " + DB_NAME
            + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci",
        "DROP USER IF EXISTS '" + DB_USER + "'@'127.0.0.1'",
        "DROP USER IF EXISTS '" + DB_USER + "'@'localhost'");
    for (String host : List.of("127.0.0.1", "localhost")) {
      String user = "'" + DB_USER + "'@'" + host + "'";
      AppDb.admin("CREATE USER " + user + " IDENTIFIED BY '" + dbPassword + "'",
          "GRANT ALL PRIVILEGES ON `" + DB_NAME + "`.* TO " + user,
          // the MariaDB restore loads a backup into a scratch database thingyan_* and moves it in
          "GRANT ALL PRIVILEGES ON `thingyan\\_%`.* TO " + user);
    }
    // leftovers of an earlier, killed suite
    for (var row : new AppDb("information_schema").query(
        "SELECT schema_name FROM schemata WHERE schema_name LIKE 'thingyan\\_%'")) {
      AppDb.admin("DROP DATABASE `" + row.get("schema_name") + "`");
    }
  }

  private void sharedFiles() throws IOException {
    Path storage = root.resolve("shared/storage");
    for (String sub : List.of("app/public", "framework/cache/data", "framework/sessions",
        "framework/views", "logs")) {
      Files.createDirectories(storage.resolve(sub));
    }
    Files.writeString(root.resolve("shared/.env"), String.join("\n",
        "APP_NAME=\"Sample PMS\"",
        "APP_ENV=production",
        "APP_KEY=base64:" + java.util.Base64.getEncoder().encodeToString(randomBytes(32)),
        "APP_DEBUG=false",
        "APP_URL=http://127.0.0.1:" + port,
        "LOG_CHANNEL=single",
        "LOG_LEVEL=warning",
        "DB_CONNECTION=mysql",
        "DB_HOST=127.0.0.1",
        "DB_PORT=3306",
        "DB_DATABASE=" + DB_NAME,
        "DB_USERNAME=" + DB_USER,
        "DB_PASSWORD=" + dbPassword,
        "CACHE_DRIVER=file",
        "QUEUE_CONNECTION=redis",
        "REDIS_HOST=127.0.0.1",
        "REDIS_PORT=6379",
        "REDIS_PREFIX=" + redisPrefix,
        ""));
    Files.writeString(dir.resolve("db.password"), dbPassword);
  }

  private void writeConfigs() throws IOException {
    // the issue-10 scenarios measure the post-swap check alone (the "before" of the preview's
    // benchmark); PreviewUpdateTest runs with the preview through nginx and with php -S
    Files.writeString(config("github"), yaml(githubSource(), "", PREVIEW_OFF));
    Files.writeString(config("folder"), yaml(String.join("\n",
        "source:",
        "  type: folder",
        "  folder:",
        "    path: " + releaseFolder), "", PREVIEW_OFF));
    Files.writeString(config("precheck"), yaml(githubSource(), String.join("\n",
        "  app:",
        "    - name: open_folios",
        "      sql: \"SELECT id FROM folios WHERE status = 'open' AND balance <> 0\"",
        "      blocking: true"), PREVIEW_OFF));
    Files.writeString(config("preview-link"), yaml(githubSource(), "", String.join("\n",
        "  preview:",
        "    url: http://127.0.0.1:" + previewPort)));
    // the laravel profile's own default: php -S for the staged release
    Files.writeString(config("preview-command"), yaml(githubSource(), "", ""));
    Proc.run(List.of("chown", Proc.APP_USER, dir.resolve("db.password").toString())).ok();
    Proc.run(List.of("chmod", "600", dir.resolve("db.password").toString())).ok();
  }

  Path config(String name) {
    return dir.resolve("thingyan-" + name + ".yaml");
  }

  private String githubSource() {
    return String.join("\n",
        "source:",
        "  type: github",
        "  github:",
        "    api_url: " + github.apiBase(),
        "    repo: " + github.repository());
  }

  private static final String PREVIEW_OFF = "  preview:\n    mode: \"off\"";

  /** The example configuration (thingyan.example.yaml) as a new user adapts it. */
  private String yaml(String source, String appPrechecks, String preview) {
    return String.join("\n",
        "# written by the e2e harness from thingyan.example.yaml",
        "app:",
        "  root: " + root,
        "  profile: laravel",
        "  shared_paths: [.env, storage]",
        source,
        "verify:",
        "  public_keys:",
        "    - " + publicKeyLine,
        "health:",
        "  checks:",
        "    - type: http",
        "      url: " + url("/health"),
        "      expect_status: [200]",
        "      expect_version: true",
        "    - type: http",
        "      url: " + url("/dashboard"),
        "      expect_status: [200]",
        "      headers:",
        "        Accept: text/html",
        "    - type: database",
        "  retries: 10",
        "  interval: 1s",
        "  timeout: 5s",
        preview,
        "prechecks:",
        "  min_free_disk: 100MB",
        appPrechecks,
        "database:",
        "  engine: mariadb",
        "  url: jdbc:mariadb://127.0.0.1:3306/" + DB_NAME,
        "  user: " + DB_USER,
        "  password_file: " + dir.resolve("db.password"),
        "backup:",
        "  store: local",
        "  local:",
        "    path: " + dir.resolve("backups"),
        "  keep: 3",
        "releases:",
        "  keep: 3",
        "ui:",
        "  language: en",
        "");
  }

  private void startPhpFpm() throws IOException {
    Path conf = Files.writeString(dir.resolve("php-fpm.conf"), String.join("\n",
        "[global]",
        "pid = " + run.resolve("php-fpm.pid"),
        "error_log = " + logs.resolve("php-fpm.log"),
        "daemonize = no",
        "[pms]",
        "user = www-data",
        "group = www-data",
        "listen = " + run.resolve("php-fpm.sock"),
        "listen.owner = www-data",
        "listen.group = www-data",
        "listen.mode = 0660",
        "pm = static",
        "pm.max_children = 6",
        "catch_workers_output = yes",
        "php_admin_value[error_log] = " + logs.resolve("php-errors.log"),
        ""));
    services.add(service("php-fpm", List.of(phpFpmBinary(), "--nodaemonize", "--fpm-config", conf.toString())));
    waitFor(() -> Files.exists(run.resolve("php-fpm.sock")), Duration.ofSeconds(20), "PHP-FPM's socket");
  }

  private void startNginx() throws IOException {
    String temp = run.resolve("nginx").toString();
    Files.createDirectories(run.resolve("nginx"));
    Path conf = Files.writeString(dir.resolve("nginx.conf"), String.join("\n",
        "worker_processes 2;",
        "user www-data;",
        "pid " + run.resolve("nginx.pid") + ";",
        "error_log " + logs.resolve("nginx-error.log") + " warn;",
        "events { worker_connections 512; }",
        "http {",
        "  include /etc/nginx/mime.types;",
        "  access_log off;",
        "  client_body_temp_path " + temp + "/body;",
        "  fastcgi_temp_path " + temp + "/fastcgi;",
        "  proxy_temp_path " + temp + "/proxy;",
        "  uwsgi_temp_path " + temp + "/uwsgi;",
        "  scgi_temp_path " + temp + "/scgi;",
        "  server {",
        "    listen 127.0.0.1:" + port + ";",
        "    root " + root.resolve("current/public") + ";",
        "    index index.php;",
        "    location / { try_files $uri $uri/ /index.php?$query_string; }",
        "    location ~ \\.php$ {",
        "      fastcgi_pass unix:" + run.resolve("php-fpm.sock") + ";",
        "      include /etc/nginx/fastcgi_params;",
        // the install guide's snippet: PHP-FPM sees the release folder, so a swap of `current`
        // is seen by the next request (with $document_root its realpath cache serves the old
        // release for up to 120 s)
        "      fastcgi_param SCRIPT_FILENAME $realpath_root$fastcgi_script_name;",
        "      fastcgi_param DOCUMENT_ROOT $realpath_root;",
        "    }",
        "  }",
        previewSite(),
        "}",
        ""));
    services.add(service("nginx", List.of("/usr/sbin/nginx", "-e", logs.resolve("nginx-error.log").toString(),
        "-c", conf.toString(), "-g", "daemon off;")));
    waitFor(() -> {
      try (var s = new java.net.Socket("127.0.0.1", port)) {
        return true;
      } catch (IOException e) {
        return false;
      }
    }, Duration.ofSeconds(20), "nginx on port " + port);
  }

  /**
   * The shipped snippet docs/nginx/thingyan-preview.conf as an admin adapts it: its port, app
   * root and PHP-FPM socket. Every substitution must match, so a changed snippet fails here.
   */
  private String previewSite() throws IOException {
    String snippet = Files.readString(e2eDir.resolve("../docs/nginx/thingyan-preview.conf"));
    String[][] edits = {
        {"listen 127.0.0.1:8081;", "listen 127.0.0.1:" + previewPort + ";"},
        {"root /srv/pms/.thingyan/preview/public;", "root " + root.resolve(".thingyan/preview/public") + ";"},
        {"unix:/run/php/php8.2-fpm.sock", "unix:" + run.resolve("php-fpm.sock")},
        {"include fastcgi_params;", "include /etc/nginx/fastcgi_params;"}};
    for (String[] e : edits) {
      if (!snippet.contains(e[0])) {
        throw new AssertionError("docs/nginx/thingyan-preview.conf has no '" + e[0] + "'");
      }
      snippet = snippet.replace(e[0], e[1]);
    }
    return snippet;
  }

  private static String phpFpmBinary() {
    try (Stream<Path> s = Files.list(Path.of("/usr/sbin"))) {
      return s.map(Path::toString).filter(p -> p.matches(".*/php-fpm[0-9.]+")).sorted(Comparator.reverseOrder())
          .findFirst().orElseThrow(() -> new AssertionError("php-fpm is not installed: run e2e/setup.sh"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Process service(String name, List<String> command) throws IOException {
    return new ProcessBuilder(Proc.diesWithTheTests(command)).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(logs.resolve(name + ".out").toFile()))
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
  }

  // ---------------------------------------------------------------- the queue worker

  /**
   * {@code php <root>/current/artisan queue:work} as www-data, started again whenever it exits
   * ({@code queue:restart} makes it exit after its job): like systemd's Restart=always. PHP
   * resolves {@code current} when the worker starts, so a worker runs one release's code.
   */
  final class Worker {
    private final AtomicInteger starts = new AtomicInteger();
    private volatile boolean stopped;
    private volatile Process process;
    private final Thread thread;

    Worker() {
      thread = new Thread(this::supervise, "e2e-queue-worker");
      thread.setDaemon(true);
      thread.start();
    }

    private void supervise() {
      while (!stopped) {
        try {
          if (Files.exists(root.resolve("current/artisan"))) {
            process = new ProcessBuilder(Proc.asAppUser(List.of("php", root.resolve("current/artisan").toString(),
                "queue:work", "--sleep=1", "--tries=1", "--timeout=60")))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logs.resolve("queue-worker.log").toFile()))
                .start();
            starts.incrementAndGet();
            process.waitFor();
          }
          Thread.sleep(300);
        } catch (IOException e) {
          sleepQuietly(1000);
        } catch (InterruptedException e) {
          return;
        }
      }
    }

    int starts() {
      return starts.get();
    }

    void stop() {
      stopped = true;
      thread.interrupt();
      Process p = process;
      if (p != null) {
        Proc.stop(p, Duration.ofSeconds(5));
      }
    }
  }

  Worker worker() {
    return worker;
  }

  // ---------------------------------------------------------------- thingyan

  /** The command line of {@code java -jar thingyan.jar --lang LANG --config FILE ARGS} as the app user. */
  List<String> thingyanCommand(Path config, String lang, String... args) {
    List<String> c = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", jar.toString(), "--lang", lang,
        "--config", config.toString()));
    c.addAll(List.of(args));
    return Proc.asAppUser(c);
  }

  Proc.Result thingyan(Path config, String lang, Map<String, String> env, String... args) {
    Proc.Result r = Proc.run(Duration.ofMinutes(4), dir, withHome(env), thingyanCommand(config, lang, args));
    log("thingyan " + String.join(" ", args) + " (" + lang + ", " + config.getFileName() + ") exit " + r.exit()
        + " in " + r.took().toMillis() + " ms\n" + r.out());
    return r;
  }

  Proc.Result thingyan(String... args) {
    return thingyan(config("github"), "en", Map.of(), args);
  }

  /** Starts thingyan without waiting (for a kill from outside, or load measured meanwhile). */
  Process startThingyan(Path config, Map<String, String> env, Path output, String... args) {
    try {
      ProcessBuilder pb = new ProcessBuilder(thingyanCommand(config, "en", args)).directory(dir.toFile())
          .redirectErrorStream(true).redirectOutput(output.toFile())
          .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
      pb.environment().putAll(withHome(env));
      return pb.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Map<String, String> withHome(Map<String, String> env) {
    Map<String, String> all = new java.util.HashMap<>(env);
    all.put("HOME", dir.resolve("home").toString());
    return all;
  }

  // ---------------------------------------------------------------- observations

  URI url(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  /** The preview link thingyan points at a staged release, if it is there. */
  Path previewLink() {
    return root.resolve(".thingyan/preview");
  }

  private static LaravelStack shared;

  /**
   * The one stack of the suite, made by the first test class that asks and stopped when the
   * tests' JVM exits (its shutdown hook): the classes after the first reuse it, its site and its
   * releases, instead of building another (about a minute on 2 cores).
   */
  static synchronized LaravelStack shared() {
    org.junit.jupiter.api.Assumptions.assumeTrue("root".equals(System.getProperty("user.name")),
        "the Laravel e2e suite runs as root (bin/test)");
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/php"))
        && Files.isExecutable(Path.of("/usr/sbin/nginx")), "PHP or nginx is not installed: run e2e/setup.sh (bin/test-env does)");
    org.junit.jupiter.api.Assumptions.assumeTrue(listening(6379),
        "Redis is not running on 127.0.0.1:6379: run e2e/setup.sh (bin/test-env does)");
    if (shared == null) {
      shared = new LaravelStack();
    }
    return shared;
  }

  /** @return the folder name `current` points to, e.g. {@code 1.1.0-...}, or empty */
  Optional<Path> current() {
    Path link = root.resolve("current");
    try {
      return Files.exists(link) ? Optional.of(link.toRealPath()) : Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** @return the version the release folder `current` points to says it is */
  String currentVersion() {
    Path c = current().orElseThrow(() -> new AssertionError("no current release"));
    try {
      String text = Files.readString(c.resolve("app/Version.php"));
      var m = java.util.regex.Pattern.compile("VERSION = '([^']+)'").matcher(text);
      return m.find() ? m.group(1) : "?";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  record Answer(int status, String version, String body) {}

  Answer get(String path) {
    try {
      HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(url(path)).timeout(Duration.ofSeconds(10)).build(),
          HttpResponse.BodyHandlers.ofString());
      return new Answer(r.statusCode(), r.headers().firstValue("X-App-Version").orElse(""), r.body());
    } catch (IOException e) {
      return new Answer(-1, "", e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  Answer post(String path, String json) {
    try {
      HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(url(path)).timeout(Duration.ofSeconds(10))
          .header("Content-Type", "application/json").header("Accept", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
      return new Answer(r.statusCode(), r.headers().firstValue("X-App-Version").orElse(""), r.body());
    } catch (IOException e) {
      return new Answer(-1, "", e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();

  /** Whether Laravel's own `down` file or thingyan's gate flag is there. */
  boolean laravelDown() {
    return Files.exists(root.resolve("shared/storage/framework/down"));
  }

  boolean thingyanGateFlag() {
    return Files.exists(root.resolve(".thingyan/maintenance"));
  }

  /** Dispatches a job now and waits for the worker to record it: @return the version that ran it. */
  String versionOfWorker(Duration timeout) {
    String token = "t" + System.nanoTime();
    Answer queued = post("/api/jobs", "{\"token\":\"" + token + "\"}");
    if (queued.status() != 202) {
      throw new AssertionError("POST /api/jobs answered " + queued);
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      String v = db.scalar("SELECT app_version FROM job_runs WHERE token = '" + token + "'");
      if (v != null) {
        return v;
      }
      sleepQuietly(200);
    }
    throw new AssertionError("the queue worker did not run job " + token + " within " + timeout
        + "; worker log:\n" + tail(logs.resolve("queue-worker.log"), 2000));
  }

  void log(String text) {
    try {
      Files.writeString(logs.resolve("harness.log"), java.time.Instant.now() + " " + text + "\n",
          StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
    } catch (IOException e) {
      // only for the reader
    }
  }

  static String tail(Path file, int chars) {
    try {
      if (!Files.exists(file)) {
        return "(no " + file.getFileName() + ")";
      }
      String s = Files.readString(file, StandardCharsets.UTF_8);
      return s.length() <= chars ? s : s.substring(s.length() - chars);
    } catch (IOException e) {
      return "(unreadable: " + e + ")";
    }
  }

  private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();

  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    if (worker != null) {
      worker.stop();
    }
    for (Process p : services) {
      Proc.stop(p, Duration.ofSeconds(5));
    }
    github.close();
  }

  // ---------------------------------------------------------------- helpers

  static void waitFor(java.util.function.BooleanSupplier condition, Duration timeout, String what) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("waited " + timeout + " for " + what);
      }
      sleepQuietly(100);
    }
  }

  static void sleepQuietly(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static byte[] randomBytes(int n) {
    byte[] b = new byte[n];
    new java.security.SecureRandom().nextBytes(b);
    return b;
  }

  private static boolean listening(int port) {
    try (var socket = new java.net.Socket("127.0.0.1", port)) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static int freePort() {
    for (int i = 0; i < 20; i++) {
      int candidate = 18080 + ThreadLocalRandom.current().nextInt(0, 500);
      try (ServerSocket s = new ServerSocket(candidate, 1, java.net.InetAddress.getLoopbackAddress())) {
        return candidate;
      } catch (IOException e) {
        // taken: try another
      }
    }
    throw new AssertionError("no free port near 18080");
  }

  /** Every folder from / down to {@code dir} must be traversable by www-data (nginx, PHP-FPM, thingyan). */
  private static void traversable(Path dir) throws IOException {
    for (Path p = dir; p != null; p = p.getParent()) {
      var perms = Files.getPosixFilePermissions(p);
      if (!perms.contains(java.nio.file.attribute.PosixFilePermission.OTHERS_EXECUTE)) {
        perms.add(java.nio.file.attribute.PosixFilePermission.OTHERS_EXECUTE);
        Files.setPosixFilePermissions(p, perms);
      }
    }
  }

  static void deleteTree(Path dir) throws IOException {
    if (Files.exists(dir)) {
      Proc.run(List.of("rm", "-rf", dir.toString())).ok();
    }
  }
}
