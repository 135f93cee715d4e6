package dev.thingyan.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.util.Statistics;

/**
 * Runs {@link RedactionBench} through JMH's API and writes the results as Markdown
 * (bench/redaction.sh): ops/s and µs per op for each sample, with the speed-up over a baseline
 * build when one is given, and the verdict against the per-core target for a whole report.
 *
 * <p>{@code RedactionRun --current CP [--baseline CP] --out FILE [--header "line" ...] [--jmh
 * "JMH options"]}
 */
public final class RedactionRun {
  /** Whole reports per second on one core that the ingestion target needs (see README). */
  private static final double REPORT_TARGET = 5_000;

  private RedactionRun() {}

  public static void main(String[] argv)
      throws RunnerException, IOException, CommandLineOptionException {
    Args args = new Args(argv);
    List<String> variants = new ArrayList<>();
    List<String> jvmArgs = new ArrayList<>(List.of("-Xms256m", "-Xmx256m"));
    if (args.all("baseline").size() > 0) {
      variants.add("baseline");
      jvmArgs.add("-Dthingyan.bench.baseline=" + args.get("baseline"));
    }
    variants.add("current");
    jvmArgs.add("-Dthingyan.bench.current=" + args.get("current"));
    String jmh = args.get("jmh", "").strip();
    CommandLineOptions cli = new CommandLineOptions(jmh.isEmpty() ? new String[0]
        : jmh.split("\\s+"));
    ChainedOptionsBuilder options = new OptionsBuilder().parent(cli)
        .param("variant", variants.toArray(String[]::new))
        .jvmArgsAppend(jvmArgs.toArray(String[]::new));
    if (cli.getIncludes().isEmpty()) {
      // a benchmark named in --jmh narrows the run; otherwise both run
      options.include(RedactionBench.class.getName() + "\\.");
    }
    Collection<RunResult> results = new Runner(options.build()).run();
    String md = markdown(args.all("header"), results, variants.contains("baseline"));
    Files.writeString(Path.of(args.get("out")), md, StandardCharsets.UTF_8);
    System.out.println();
    System.out.print(md);
  }

  private static Optional<String> loadAverage() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return Optional.of(parts[0] + " " + parts[1] + " " + parts[2]);
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  private static String markdown(List<String> headers, Collection<RunResult> results,
      boolean withBaseline) {
    // benchmark -> sample -> variant -> statistics, in the order JMH ran them
    Map<String, Map<String, Map<String, Statistics>>> table = new LinkedHashMap<>();
    for (RunResult r : results) {
      String bench = r.getParams().getBenchmark().replaceAll(".*\\.", "");
      table.computeIfAbsent(bench, k -> new LinkedHashMap<>())
          .computeIfAbsent(r.getParams().getParam("sample"), k -> new LinkedHashMap<>())
          .put(r.getParams().getParam("variant"), r.getPrimaryResult().getStatistics());
    }
    StringBuilder md = new StringBuilder("# thingyan redaction benchmark — latest results\n\n");
    headers.forEach(h -> md.append("- ").append(h).append('\n'));
    loadAverage().ifPresent(l -> md.append("- load average (1, 5, 15 min) at the end: ")
        .append(l).append('\n'));
    md.append("\n## Summary\n\n");
    Statistics report = table.getOrDefault("redactReport", Map.of())
        .getOrDefault("STACKTRACE", Map.of()).get("current");
    if (report != null) {
      md.append(String.format(Locale.ROOT, "`Redactor.redact` of the digit-heavy report "
          + "(STACKTRACE), one thread: **%,.0f reports/s** (%.1f µs per report; median "
          + "iteration %,.0f/s); target ≥ %,.0f/s per core: %s%n", report.getMean(),
          1e6 / report.getMean(), report.getPercentile(50), REPORT_TARGET,
          report.getMean() >= REPORT_TARGET ? "✓ met" : "✗ missed"));
    }
    table.forEach((bench, samples) -> {
      md.append("\n## ").append(bench).append("\n\n| sample | variant | ops/s (mean ± 99.9% CI)"
          + " | median iteration, ops/s | µs per op |").append(withBaseline ? " speed-up |" : "")
          .append("\n| --- | --- | --- | --- | --- |").append(withBaseline ? " --- |" : "")
          .append('\n');
      samples.forEach((sample, variants) -> variants.forEach((variant, s) -> {
        double error = s.getMeanErrorAt(0.999);
        md.append(String.format(Locale.ROOT, "| %s | %s | %,.0f ± %s | %,.0f | %.2f |", sample,
            variant, s.getMean(), Double.isNaN(error) ? "n/a"
                : String.format(Locale.ROOT, "%,.0f", error), s.getPercentile(50),
            1e6 / s.getMean()));
        Statistics base = variants.get("baseline");
        if (withBaseline) {
          md.append(base == null || variant.equals("baseline") ? " |"
              : String.format(Locale.ROOT, " **%.1fx** |", s.getMean() / base.getMean()));
        }
        md.append('\n');
      }));
    });
    return md.toString();
  }
}
