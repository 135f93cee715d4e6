package dev.thingyan.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Measurement 3: from process start to the first state transition {@code apply} prints live
 * ({@code → checking} / {@code → စစ်ဆေးနေသည်}), run through the launcher with its default JVM
 * options into a fresh app root (H2 journal created, Liquibase changelog applied, system wired,
 * start-up recovery, lock, then the run's first transition). References with the same JVM
 * options: {@code java -version} to exit, a hello-world main to its line, and
 * {@code bin/thingyan --version} (the 50 MB runnable jar and picocli, no system) to its line.
 * Also the same apply into an app root whose journal already exists ({@code history} ran there
 * first, untimed): every start but the very first finds its schema current. Rounds rotate the
 * order of the five.
 *
 * <p>{@code StartupBench --launcher bin/thingyan --launcher-opts "..." --classes DIR --api URL
 * --releases DIR --pubkey FILE --version 0.1.0 --work DIR --runs 5 --results DIR}
 */
public final class StartupBench {
  private StartupBench() {}

  record Timing(double firstLine, double exit, String line) {}

  interface Subject {
    Timing run(int round) throws Exception;
  }

  public static void main(String[] argv) throws Exception {
    Args args = new Args(argv);
    int runs = args.integer("runs", 5);
    Path work = Files.createDirectories(Path.of(args.get("work")));
    String launcher = args.get("launcher");
    List<String> opts = List.of(args.get("launcher-opts").trim().split("\\s+"));
    String java = System.getenv("JAVA_HOME") != null && !System.getenv("JAVA_HOME").isBlank()
        ? Path.of(System.getenv("JAVA_HOME"), "bin", "java").toString() : "java";
    String key = Files.readString(Path.of(args.get("pubkey")));
    Path releases = Path.of(args.get("releases"));
    String version = args.get("version");

    Map<String, Subject> subjects = new LinkedHashMap<>();
    subjects.put("`bin/thingyan apply` → first transition line", round -> {
      Sandbox box = new Sandbox(work.resolve("start-" + round), "github", args.get("api"), releases, key);
      try {
        Timing t = time(List.of(launcher, "--config", box.config.toString(), "apply", version),
            line -> line.startsWith("→"));
        if (t.line == null) {
          throw new IllegalStateException("apply printed no transition line");
        }
        return t;
      } finally {
        box.delete();
      }
    });
    subjects.put("`bin/thingyan apply`, journal already created → first transition line", round -> {
      Sandbox box = new Sandbox(work.resolve("start-journal-" + round), "github", args.get("api"), releases, key);
      try {
        time(List.of(launcher, "--config", box.config.toString(), "history"), line -> false);
        DownloadBench.sync();
        Timing t = time(List.of(launcher, "--config", box.config.toString(), "apply", version),
            line -> line.startsWith("→"));
        if (t.line == null) {
          throw new IllegalStateException("apply printed no transition line");
        }
        return t;
      } finally {
        box.delete();
      }
    });
    subjects.put("`java -version` (same options) → exit", round ->
        time(concat(List.of(java), opts, List.of("-version")), line -> false));
    subjects.put("hello-world main (same options) → its line", round ->
        time(concat(List.of(java), opts, List.of("-cp", args.get("classes"), Hello.class.getName())),
            line -> line.equals("hello")));
    subjects.put("`bin/thingyan --version` → its line", round ->
        time(List.of(launcher, "--version"), line -> line.startsWith("thingyan")));

    List<String> names = new ArrayList<>(subjects.keySet());
    Map<String, Stats> first = new LinkedHashMap<>();
    Map<String, Stats> exit = new LinkedHashMap<>();
    Map<String, String> lines = new LinkedHashMap<>();
    names.forEach(n -> {
      first.put(n, new Stats());
      exit.put(n, new Stats());
    });
    for (int round = 0; round < runs; round++) {
      for (int k = 0; k < names.size(); k++) {
        String name = names.get((round + k) % names.size());
        DownloadBench.sync();
        Timing t = subjects.get(name).run(round);
        first.get(name).add(Double.isNaN(t.firstLine) ? t.exit : t.firstLine);
        exit.get(name).add(t.exit);
        if (t.line != null) {
          lines.put(name, t.line);
        }
      }
    }

    Results r = new Results(Path.of(args.get("results")));
    r.line("### Process start → first state transition of `apply` (median of %d)", runs);
    r.line("");
    r.line("JVM options (launcher default): `%s`. The apply runs into a fresh app root each time"
        + " (new H2 journal, or one `history` made first), against the bench server's small release v%s.",
        String.join(" ", opts), version);
    r.line("");
    r.line("| process | median s to the line (or exit) | min | max | median s to exit | samples s |");
    r.line("| --- | ---: | ---: | ---: | ---: | --- |");
    for (String n : names) {
      Stats s = first.get(n);
      r.line("| %s | %s | %s | %s | %s | %s |", n, Results.f(s.median(), 3), Results.f(s.min(), 3),
          Results.f(s.max(), 3), Results.f(exit.get(n).median(), 3), s.samples("%.3f"));
    }
    r.line("");
    r.line("First transition line seen: `%s`", lines.get(names.get(0)));
    r.line("");
    r.writeSection("3-startup");
    r.put("start.apply_first_transition_s", Results.f(first.get(names.get(0)).median(), 3));
    r.put("start.apply_exit_s", Results.f(exit.get(names.get(0)).median(), 3));
    r.put("start.apply_journal_first_transition_s", Results.f(first.get(names.get(1)).median(), 3));
    r.put("start.java_version_s", Results.f(first.get(names.get(2)).median(), 3));
    r.put("start.hello_s", Results.f(first.get(names.get(3)).median(), 3));
    r.put("start.thingyan_version_s", Results.f(first.get(names.get(4)).median(), 3));
  }

  @SafeVarargs
  private static List<String> concat(List<String>... parts) {
    List<String> all = new ArrayList<>();
    for (List<String> p : parts) {
      all.addAll(p);
    }
    return all;
  }

  interface LineTest {
    boolean matches(String line);
  }

  /** Starts the command and times its first matching stdout line (NaN if none) and its exit. */
  static Timing time(List<String> command, LineTest test) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
    pb.environment().remove("THINGYAN_JAVA_OPTS");
    long t0 = System.nanoTime();
    Process p = pb.start();
    double firstLine = Double.NaN;
    String seen = null;
    List<String> all = new ArrayList<>();
    try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = in.readLine()) != null; ) {
        if (seen == null && test.matches(line.strip())) {
          firstLine = (System.nanoTime() - t0) / 1e9;
          seen = line.strip();
        }
        all.add(line);
      }
    }
    int code = p.waitFor();
    double exit = (System.nanoTime() - t0) / 1e9;
    if (code != 0) {
      throw new IllegalStateException(String.join(" ", command) + " exited " + code + ":\n"
          + String.join("\n", all));
    }
    return new Timing(firstLine, exit, seen);
  }
}
