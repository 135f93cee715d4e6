package dev.thingyan.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Measurement 2: peak RSS of a real {@code thingyan apply} (the launcher bin/thingyan, so the
 * runnable jar in its own JVM with the launcher's default options) installing a release of each
 * size, through each source. Peak RSS from {@code /usr/bin/time -v} ("Maximum resident set
 * size"), cross-checked by polling the JVM's {@code VmHWM} in /proc.
 *
 * <p>{@code ApplyRss --launcher bin/thingyan --api URL --releases DIR --pubkey FILE --work DIR
 * --results DIR [--time /usr/bin/time|none] --case github:2.0.0 [--case folder:0.5.0 ...] [--case github:2.0.0:OPTS]} — a
 * case's third part, when given, is set as THINGYAN_JAVA_OPTS (otherwise it is unset: the
 * launcher's default).
 */
public final class ApplyRss {
  private static final Pattern MAX_RSS = Pattern.compile("Maximum resident set size \\(kbytes\\): (\\d+)");

  private ApplyRss() {}

  public static void main(String[] argv) throws Exception {
    Args args = new Args(argv);
    Path work = Files.createDirectories(Path.of(args.get("work")));
    Path releases = Path.of(args.get("releases"));
    String key = Files.readString(Path.of(args.get("pubkey")));
    String defaultOpts = args.get("launcher-opts");
    Results r = new Results(Path.of(args.get("results")));
    r.line("### Peak RSS of `bin/thingyan apply VERSION` (own JVM)");
    r.line("");
    r.line("Each run installs into a fresh app root (H2 journal, SQLite backup, download + verify,"
        + " extract, swap, health check `true`). Peak RSS = `/usr/bin/time -v` Maximum resident"
        + " set size; VmHWM = the JVM's /proc high-water mark polled every 20 ms (cross-check).");
    r.line("");
    r.line("| source | release | package MB | JVM options | peak RSS MB | VmHWM MB | apply wall s | ended |");
    r.line("| --- | --- | ---: | --- | ---: | ---: | ---: | --- |");
    int i = 0;
    boolean allOk = true;
    for (String c : args.all("case")) {
      String[] p = c.split(":", 3);
      String source = p[0];
      String version = p[1];
      Optional<String> opts = p.length > 2 ? Optional.of(p[2]) : Optional.empty();
      long pkgBytes = Files.size(releases.resolve("v" + version).resolve("app-" + version + ".tar.gz"));
      Sandbox box = new Sandbox(work.resolve("rss-" + (i++)), source, args.get("api"), releases, key);
      try {
        Outcome o = apply(args.get("time", "/usr/bin/time"), args.get("launcher"), box, version, opts);
        allOk &= o.completed;
        String optLabel = opts.orElse(defaultOpts) + (opts.isPresent() ? "" : " (launcher default)");
        double peakKb = o.maxRssKb > 0 ? o.maxRssKb : o.hwmKb; // without time: VmHWM
        r.line("| %s | v%s | %.0f | `%s` | %.1f | %.1f | %s | %s |", source, version, pkgBytes / 1e6,
            optLabel, peakKb / 1024.0, o.hwmKb / 1024.0, o.elapsed,
            o.completed ? "completed" : "**NOT completed** (exit " + o.exit + ")");
        String k = "rss." + source + "." + version + (opts.isPresent() ? ".alt" : "");
        r.put(k + ".mb", Results.f(peakKb / 1024.0, 1));
        r.put(k + ".hwm_mb", Results.f(o.hwmKb / 1024.0, 1));
        r.put(k + ".elapsed", o.elapsed);
        r.put(k + ".pkg_mb", Results.f(pkgBytes / 1e6, 0));
        r.put(k + ".ok", o.completed);
        Files.writeString(Path.of(args.get("results")).resolve("apply-" + source + "-" + version
            + (opts.isPresent() ? "-alt" : "") + ".log"), o.output);
        if (!o.completed) {
          System.err.println("apply output (" + box.dir + "):\n" + o.output);
        }
      } finally {
        box.delete();
      }
    }
    r.line("");
    r.writeSection("2-rss");
    System.exit(allOk ? 0 : 1);
  }

  record Outcome(long maxRssKb, long hwmKb, String elapsed, int exit, boolean completed, String output) {}

  static Outcome apply(String time, String launcher, Sandbox box, String version, Optional<String> opts)
      throws IOException, InterruptedException {
    Path out = box.dir.resolve("apply.out");
    Path err = box.dir.resolve("apply.err");
    List<String> command = new ArrayList<>();
    if (!time.equals("none")) {
      command.addAll(List.of(time, "-v"));
    }
    command.addAll(List.of(launcher, "--config", box.config.toString(), "--lang", "en", "apply", version));
    ProcessBuilder pb = new ProcessBuilder(command)
        .redirectOutput(out.toFile()).redirectError(err.toFile());
    Map<String, String> env = pb.environment();
    env.remove("THINGYAN_JAVA_OPTS");
    opts.ifPresent(o -> env.put("THINGYAN_JAVA_OPTS", o));
    DownloadBench.sync();
    long t0 = System.nanoTime();
    Process p = pb.start();
    AtomicLong hwm = new AtomicLong();
    Thread poller = new Thread(() -> poll(p, hwm), "vmhwm-poller");
    poller.setDaemon(true);
    poller.start();
    int exit = p.waitFor();
    String elapsed = Results.f((System.nanoTime() - t0) / 1e9, 2);
    poller.join(1000);
    String stdout = Files.readString(out, StandardCharsets.UTF_8);
    String stderr = Files.readString(err, StandardCharsets.UTF_8);
    long rss = last(MAX_RSS, stderr).map(Long::parseLong).orElse(-1L);
    boolean completed = exit == 0 && stdout.contains("completed");
    return new Outcome(rss, hwm.get(), elapsed, exit, completed, stdout + stderr);
  }

  // the launcher execs java: the JVM is time's only child (or, without time, the process itself)
  private static void poll(Process p, AtomicLong hwm) {
    while (p.isAlive()) {
      hwm.accumulateAndGet(vmHwmKb(p.pid()), Math::max);
      for (ProcessHandle child : p.children().toList()) {
        hwm.accumulateAndGet(vmHwmKb(child.pid()), Math::max);
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private static long vmHwmKb(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (IOException | RuntimeException e) {
      // the process ended between the listing and the read
    }
    return 0;
  }

  private static Optional<String> last(Pattern pattern, String text) {
    Matcher m = pattern.matcher(text);
    String found = null;
    while (m.find()) {
      found = m.group(1);
    }
    return Optional.ofNullable(found);
  }
}
