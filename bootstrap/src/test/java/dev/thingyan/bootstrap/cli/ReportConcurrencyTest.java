package dev.thingyan.bootstrap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.thingyan.bootstrap.Standalone;
import dev.thingyan.bootstrap.reports.ReportThreadsTest;
import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13: eight {@code thingyan report} processes at once against the embedded default journal
 * lose nothing. Each submitter is a real JVM running the CLI twice on 125 NDJSON reports (2,000
 * in all); every run must exit 0, and after they end the journal holds every report.
 */
class ReportConcurrencyTest {
  private static final int SUBMITTERS = 8;
  private static final int RUNS = 2;
  private static final int PER_RUN = 125;

  @TempDir Path dir;

  @Test
  void eightProcessesSubmittingTwoThousandReportsLoseNone() throws Exception {
    Path config = ReportThreadsTest.config(dir);
    List<Process> processes = new ArrayList<>();
    for (int s = 0; s < SUBMITTERS; s++) {
      processes.add(submitter(s, config));
    }
    List<String> failures = new ArrayList<>();
    for (int s = 0; s < SUBMITTERS; s++) {
      Process p = processes.get(s);
      assertThat(p.waitFor(15, TimeUnit.MINUTES)).as("submitter %d finished", s).isTrue();
      String log = Files.readString(dir.resolve("log-" + s));
      if (p.exitValue() != 0) {
        failures.add("submitter " + s + ": " + log);
      }
    }
    assertThat(failures).isEmpty();

    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CliEnvironment cli = new CliEnvironment(new PrintWriter(out, true),
        new PrintWriter(err, true), Map.of("THINGYAN_CONFIG", config.toString()), "tester",
        ZoneId.of("Asia/Yangon"));
    int code = new Main(Standalone::open, (a, lang, po, pe) -> 0, cli)
        .run("reports", "--json", "--lang", "en");
    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString()).contains("\"pending\" : " + SUBMITTERS * RUNS * PER_RUN);
    assertThat(out.toString()).doesNotContain("Optional").doesNotContain("\"delivered\"");
    try (var files = Files.list(dir.resolve("app/.thingyan"))) {
      files.filter(f -> f.getFileName().toString().startsWith("journal."))
          .forEach(f -> assertThat(posix(f)).as(f.toString()).isEqualTo("rw-------"));
    }
    assertThat(posix(dir.resolve("app/.thingyan"))).isEqualTo("rwx------");
    Path spool = dir.resolve("app/.thingyan/report-spool");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(spool)))
        .isEqualTo("rwx------");
  }

  private static String posix(Path p) {
    try {
      return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** One shell loop: RUNS runs of the CLI in its own JVM, each on PER_RUN NDJSON reports. */
  private Process submitter(int s, Path config) throws Exception {
    StringBuilder ndjson = new StringBuilder();
    for (int i = 0; i < PER_RUN; i++) {
      ndjson.append("{\"title\": \"Folio ").append(s).append('-').append(i)
          .append(" total wrong\", \"severity\": \"error\", \"source\": \"backend\",")
          .append(" \"environment\": \"production\", \"message\": \"guest_name=Daw Aye; room=")
          .append(i).append("\"}\n");
    }
    Path input = Files.writeString(dir.resolve("in-" + s + ".ndjson"), ndjson);
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String cp = System.getProperty("java.class.path");
    String run = String.join(" ", java, "-Xmx96m", "-XX:TieredStopAtLevel=1", "-cp", "'" + cp
        + "'", Main.class.getName(), "report", "--no-send", "--lang", "en", input.toString());
    String script = "for r in $(seq " + RUNS + "); do " + run + " || exit $?; done";
    ProcessBuilder pb = new ProcessBuilder("bash", "-c", script)
        .directory(new File(dir.toString())).redirectErrorStream(true)
        .redirectOutput(dir.resolve("log-" + s).toFile());
    pb.environment().put("THINGYAN_CONFIG", config.toString());
    return pb.start();
  }
}
