package dev.thingyan.e2e;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * What systemd and the distribution's services are on a real server, for {@link InstallGuideTest}:
 * PHP-FPM (pool user www-data) with its own pid file, nginx serving the install guide's own
 * {@code server} block (only the port, the root, the PHP-FPM socket substituted), a
 * {@code systemctl} shim that reloads this PHP-FPM for {@code systemctl reload php*-fpm} and fails
 * loudly for anything else, and a supervisor that runs a unit's {@code ExecStart} as its
 * {@code User=} and starts it again when it exits ({@code Restart=always}).
 */
final class GuideSite implements AutoCloseable {

  final Path dir;
  final Path logs;
  final Path run;
  final Path shimDir;
  final int port;
  private final List<Process> services = new ArrayList<>();
  private final List<Supervised> supervised = new ArrayList<>();
  private final AtomicBoolean closed = new AtomicBoolean();

  GuideSite(Path dir) throws IOException {
    this.dir = dir;
    logs = Files.createDirectories(dir.resolve("logs"));
    run = Files.createDirectories(dir.resolve("run"));
    shimDir = Files.createDirectories(dir.resolve("shim"));
    port = freePort();
    writeSystemctlShim();
  }

  Path phpFpmSocket() {
    return run.resolve("php-fpm.sock");
  }

  Path shimLog() {
    return logs.resolve("systemctl-shim.log");
  }

  /** The PATH of every command the test runs as the admin would: the shim first. */
  String path() {
    return shimDir + ":" + Path.of(System.getProperty("java.home"), "bin") + ":/usr/local/sbin:/usr/local/bin"
        + ":/usr/sbin:/usr/bin:/sbin:/bin";
  }

  private void writeSystemctlShim() throws IOException {
    Path shim = shimDir.resolve("systemctl");
    Files.writeString(shim, String.join("\n",
        "#!/bin/sh",
        "# InstallGuideTest: systemd is not there; only the PHP-FPM reload the guide configures is",
        "echo \"$(date -u +%FT%T) uid=$(id -u) systemctl $*\" >> '" + shimLog() + "'",
        "if [ \"$#\" -eq 2 ] && [ \"$1\" = reload ]; then",
        "  case \"$2\" in",
        "    php*-fpm|php*-fpm.service) exec kill -USR2 \"$(cat '" + run.resolve("php-fpm.pid") + "')\" ;;",
        "  esac",
        "fi",
        "echo \"systemctl shim (InstallGuideTest): 'systemctl $*' is not available in the test\" >&2",
        "exit 97",
        ""));
    Files.setPosixFilePermissions(shim, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  void startPhpFpm() throws IOException {
    Path conf = Files.writeString(dir.resolve("php-fpm.conf"), String.join("\n",
        "[global]",
        "pid = " + run.resolve("php-fpm.pid"),
        "error_log = " + logs.resolve("php-fpm.log"),
        "daemonize = no",
        "[pms]",
        "user = www-data",
        "group = www-data",
        "listen = " + phpFpmSocket(),
        "listen.owner = www-data",
        "listen.group = www-data",
        "listen.mode = 0660",
        "pm = static",
        "pm.max_children = 3",
        "catch_workers_output = yes",
        "php_admin_value[error_log] = " + logs.resolve("php-errors.log"),
        ""));
    services.add(service("php-fpm", List.of(phpFpmBinary(), "--nodaemonize", "--fpm-config", conf.toString())));
    LaravelStack.waitFor(() -> Files.exists(phpFpmSocket()) && Files.exists(run.resolve("php-fpm.pid")),
        Duration.ofSeconds(20), "PHP-FPM's socket");
  }

  /** @return the PHP-FPM master's pid (a reload by USR2 keeps it) */
  long phpFpmPid() {
    try {
      return Long.parseLong(Files.readString(run.resolve("php-fpm.pid")).trim());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Serves the guide's {@code server} block: {@code listen 80} becomes this port on loopback,
   * {@code guideRoot} (the guide's /srv/pms) the test's app root, the guide's PHP-FPM socket this
   * one. Every substitution must match, so a changed guide fails here rather than going untested.
   */
  void startNginx(String serverBlock, String guideRoot, Path appRoot) throws IOException {
    String server = replaceOnce(serverBlock, "listen 80;", "listen 127.0.0.1:" + port + ";");
    server = replaceOnce(server, "root " + guideRoot + "/", "root " + appRoot + "/");
    server = server.replaceFirst("unix:/run/php/php[0-9.]+-fpm\\.sock", "unix:" + phpFpmSocket());
    if (!server.contains("unix:" + phpFpmSocket())) {
      throw new AssertionError("the guide's nginx block has no fastcgi_pass unix:/run/php/phpX.Y-fpm.sock:\n"
          + serverBlock);
    }
    Path conf = Files.createDirectories(dir.resolve("nginx"));
    Files.copy(Path.of("/etc/nginx/fastcgi_params"), conf.resolve("fastcgi_params"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    String temp = run.resolve("nginx-temp").toString();
    Files.createDirectories(Path.of(temp));
    Path main = Files.writeString(conf.resolve("nginx.conf"), String.join("\n",
        "worker_processes 1;",
        "user www-data;",
        "pid " + run.resolve("nginx.pid") + ";",
        "error_log " + logs.resolve("nginx-error.log") + " warn;",
        "events { worker_connections 256; }",
        "http {",
        "  include /etc/nginx/mime.types;",
        "  access_log " + logs.resolve("nginx-access.log") + ";",
        "  client_body_temp_path " + temp + "/body;",
        "  fastcgi_temp_path " + temp + "/fastcgi;",
        "  proxy_temp_path " + temp + "/proxy;",
        "  uwsgi_temp_path " + temp + "/uwsgi;",
        "  scgi_temp_path " + temp + "/scgi;",
        "  # the install guide's block, as docs/install-laravel.md has it",
        server,
        "}",
        ""));
    Proc.run(List.of("/usr/sbin/nginx", "-t", "-e", logs.resolve("nginx-error.log").toString(), "-c",
        main.toString())).ok();
    services.add(service("nginx", List.of("/usr/sbin/nginx", "-e", logs.resolve("nginx-error.log").toString(),
        "-c", main.toString(), "-g", "daemon off;")));
    LaravelStack.waitFor(() -> {
      try (var s = new java.net.Socket("127.0.0.1", port)) {
        return true;
      } catch (IOException e) {
        return false;
      }
    }, Duration.ofSeconds(20), "nginx on port " + port);
  }

  private static String replaceOnce(String text, String from, String to) {
    if (!text.contains(from)) {
      throw new AssertionError("the guide's nginx block has no '" + from + "':\n" + text);
    }
    return text.replace(from, to);
  }

  /**
   * Runs {@code command} as {@code user:group} in {@code workDir}, again whenever it exits (after
   * {@code RestartSec}), like a systemd service with {@code Restart=always}.
   */
  Supervised supervise(String name, String user, String group, Path workDir, List<String> command) {
    Supervised s = new Supervised(name, user, group, workDir, command);
    supervised.add(s);
    return s;
  }

  final class Supervised {
    private final AtomicInteger starts = new AtomicInteger();
    private volatile boolean stopped;
    private volatile Process process;
    private final Thread thread;

    Supervised(String name, String user, String group, Path workDir, List<String> command) {
      List<String> c = new ArrayList<>(List.of("setpriv", "--reuid=" + user, "--regid=" + group, "--init-groups",
          "--", "setpriv", "--pdeathsig=KILL", "--"));
      c.addAll(command);
      thread = new Thread(() -> {
        while (!stopped) {
          try {
            // systemd resolves WorkingDirectory (a `current` link) each time it starts the service
            process = new ProcessBuilder(c).directory(workDir.toRealPath().toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logs.resolve(name + ".log").toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
            starts.incrementAndGet();
            process.waitFor();
            Thread.sleep(1000); // RestartSec=1
          } catch (IOException e) {
            LaravelStack.sleepQuietly(1000);
          } catch (InterruptedException e) {
            return;
          }
        }
      }, "guide-" + name);
      thread.setDaemon(true);
      thread.start();
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
      try {
        thread.join(5000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      p = process;
      if (p != null) {
        Proc.stop(p, Duration.ofSeconds(5));
      }
    }
  }

  private Process service(String name, List<String> command) throws IOException {
    return new ProcessBuilder(Proc.diesWithTheTests(command)).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(logs.resolve(name + ".out").toFile()))
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
  }

  private static String phpFpmBinary() {
    try (Stream<Path> s = Files.list(Path.of("/usr/sbin"))) {
      return s.map(Path::toString).filter(p -> p.matches(".*/php-fpm[0-9.]+")).sorted(Comparator.reverseOrder())
          .findFirst().orElseThrow(() -> new AssertionError("php-fpm is not installed: run e2e/setup.sh"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every folder from / down to {@code dir} must be traversable by www-data (nginx, PHP-FPM). */
  static void traversable(Path dir) throws IOException {
    for (Path p = dir; p != null; p = p.getParent()) {
      var perms = Files.getPosixFilePermissions(p);
      if (!perms.contains(PosixFilePermission.OTHERS_EXECUTE)) {
        perms.add(PosixFilePermission.OTHERS_EXECUTE);
        Files.setPosixFilePermissions(p, perms);
      }
    }
  }

  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    supervised.forEach(Supervised::stop);
    for (Process p : services) {
      Proc.stop(p, Duration.ofSeconds(5));
    }
  }
}
