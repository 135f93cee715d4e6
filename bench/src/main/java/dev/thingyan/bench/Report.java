package dev.thingyan.bench;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * Writes {@code latest.md}: a header (when, where, what), the summary table against the issue's
 * targets, then every measurement's detailed section. Prints the summary.
 *
 * <p>{@code Report --results DIR --out FILE --header "line" [--header ...]}
 */
public final class Report {
  private static final double RATIO_TARGET = 1.2;
  private static final double RSS_TARGET_MB = 160;

  private Report() {}

  public static void main(String[] argv) throws IOException {
    Args args = new Args(argv);
    Path dir = Path.of(args.get("results"));
    Properties p = new Properties();
    try (Reader in = Files.newBufferedReader(dir.resolve("summary.properties"), StandardCharsets.UTF_8)) {
      p.load(in);
    }
    StringBuilder md = new StringBuilder("# thingyan benchmark — latest results\n\n");
    args.all("header").forEach(h -> md.append("- ").append(h).append('\n'));
    md.append('\n');

    // what the alternative options of 1b and 2b are (run.sh: the other side of TieredStopAtLevel=1)
    String altLabel = args.get("alt-label", "launcher options without TieredStopAtLevel=1");
    StringBuilder sum = new StringBuilder();
    sum.append("## Summary\n\n");
    sum.append("| measurement | result | target | verdict |\n| --- | --- | --- | --- |\n");
    for (String key : List.of("dl.launcher", "dl.c2")) {
      if (p.getProperty(key + ".ratio") == null) {
        continue;
      }
      double ratio = Double.parseDouble(p.getProperty(key + ".ratio"));
      sum.append(String.format(java.util.Locale.ROOT,
          "| 1. download + SHA-256 of %s MB over loopback (302 → storage), thingyan vs `curl \\| sha256sum`;"
              + " client JVM: %s | %s s vs %s s → **%.2fx**; %s vs %s MB/s (curl writing + syncing the file: %s s) | ≤ %.1fx | %s |\n",
          p.getProperty(key + ".size_mb"), p.getProperty(key + ".label"),
          p.getProperty(key + ".thingyan_s"), p.getProperty(key + ".curl_s"), ratio,
          p.getProperty(key + ".thingyan_mbs"), p.getProperty(key + ".curl_mbs"),
          p.getProperty(key + ".curl_file_s"), RATIO_TARGET,
          ratio <= RATIO_TARGET ? "✓ met" : "✗ missed"));
    }
    for (String source : List.of("github", "folder")) {
      List<String> sizes = new ArrayList<>();
      List<Double> mbs = new ArrayList<>();
      boolean ok = true;
      for (String name : p.stringPropertyNames().stream().sorted().toList()) {
        String prefix = "rss." + source + ".";
        if (name.startsWith(prefix) && name.endsWith(".mb") && !name.endsWith(".hwm_mb")
            && !name.endsWith(".pkg_mb") && !name.contains(".alt.")) {
          String version = name.substring(prefix.length(), name.length() - 3);
          double mb = Double.parseDouble(p.getProperty(name));
          mbs.add(mb);
          ok &= Boolean.parseBoolean(p.getProperty(prefix + version + ".ok"));
          sizes.add(p.getProperty(prefix + version + ".pkg_mb") + " MB release: **" + p.getProperty(name)
              + " MB** (apply " + p.getProperty(prefix + version + ".elapsed") + " s)");
        }
      }
      if (!mbs.isEmpty()) {
        double max = mbs.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        sum.append("| 2. peak RSS of `bin/thingyan apply` (launcher default JVM options), source ")
            .append(source).append(" | ").append(String.join("; ", sizes)).append(" | < ")
            .append((int) RSS_TARGET_MB).append(" MB, flat | ")
            .append(ok && max < RSS_TARGET_MB ? "✓ met" : ok ? "✗ missed" : "✗ an apply failed")
            .append(" |\n");
      }
    }
    for (String name : p.stringPropertyNames().stream().sorted().toList()) {
      if (name.startsWith("rss.") && name.contains(".alt.") && name.endsWith(".mb") && !name.endsWith("hwm_mb")
          && !name.endsWith("pkg_mb")) {
        String base = name.substring(0, name.length() - 3);
        sum.append("| 2b. same, ").append(base.replace("rss.", "").replace(".alt", ""))
            .append(", THINGYAN_JAVA_OPTS: ").append(altLabel).append(" | ")
            .append(p.getProperty(name)).append(" MB (apply ").append(p.getProperty(base + ".elapsed"))
            .append(" s) | < ").append((int) RSS_TARGET_MB).append(" MB | ")
            .append(Double.parseDouble(p.getProperty(name)) < RSS_TARGET_MB ? "(info) under" : "(info) over")
            .append(" |\n");
      }
    }
    if (p.getProperty("start.apply_first_transition_s") != null) {
      sum.append("| 3. process start → first transition line of `bin/thingyan apply` (median) | **")
          .append(p.getProperty("start.apply_first_transition_s")).append(" s**; bare JVM: `java -version` ")
          .append(p.getProperty("start.java_version_s")).append(" s, hello world ")
          .append(p.getProperty("start.hello_s")).append(" s; `bin/thingyan --version` ")
          .append(p.getProperty("start.thingyan_version_s")).append(" s (")
          .append(Results.f(Double.parseDouble(p.getProperty("start.apply_first_transition_s"))
              / Double.parseDouble(p.getProperty("start.hello_s")), 1))
          .append("x the hello-world start) | — (reference: bare JVM) | info |\n");
    }
    if (p.getProperty("start.apply_journal_first_transition_s") != null) {
      sum.append("| 3b. the same, journal already created (any start after the first) (median) | **")
          .append(p.getProperty("start.apply_journal_first_transition_s"))
          .append(" s** | — | info |\n");
    }
    sum.append('\n');
    md.append(sum);

    md.append("## Details\n\n");
    try (Stream<Path> sections = Files.list(dir.resolve("sections"))) {
      for (Path s : sections.sorted().toList()) {
        md.append(Files.readString(s, StandardCharsets.UTF_8)).append('\n');
      }
    }
    Path out = Path.of(args.get("out"));
    Files.createDirectories(out.toAbsolutePath().getParent());
    Files.writeString(out, md.toString(), StandardCharsets.UTF_8);
    System.out.print(sum);
  }
}
