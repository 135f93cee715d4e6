package dev.thingyan.bootstrap.reports;

import static dev.thingyan.bootstrap.reports.ReportsSite.TOKEN;
import static dev.thingyan.bootstrap.reports.ReportsSite.report;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.thingyan.adapter.github.fake.FakeGitHubIssues;
import dev.thingyan.adapter.github.fake.FakeIssue;
import dev.thingyan.adapter.github.fake.FakeRequest;
import dev.thingyan.ports.model.report.DeliveryPass;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What must never leave the property or reach a log: the guest data of the redaction corpus (every
 * marked span of update-domain's positive cases, sent in messages, traces and context) must not
 * reach GitHub; the token must not appear in logs, stored rows or messages, also when GitHub
 * refuses it.
 */
class NoSecretLeavesTest {
  private static final Path CORPUS = Path.of("..", "update-domain", "src", "test", "resources",
      "redaction-corpus", "positive");
  private static final Pattern SPAN = Pattern.compile("⟦(.+?)⟧");
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  @Test
  void noGuestDataFromTheCorpusReachesGitHub() throws Exception {
    List<String> spans = new ArrayList<>();
    try (FakeGitHubIssues github = FakeGitHubIssues.start("acme/pms", TOKEN);
        ReportsSite site = new ReportsSite(dir, github, TOKEN, "")) {
      try (var files = Files.list(CORPUS)) {
        for (Path file : files.sorted().toList()) {
          List<String> marked = cases(Files.readString(file));
          marked.forEach(c -> collect(c, spans));
          site.submit(corpusReport(file.getFileName().toString(),
              marked.stream().map(c -> c.replace("⟦", "").replace("⟧", "")).toList()));
        }
      }
      DeliveryPass pass = site.deliver(Duration.ofSeconds(60));
      assertThat(pass.created()).isEqualTo(github.issues().size()).isGreaterThanOrEqualTo(6);

      List<String> seen = new ArrayList<>();
      for (FakeIssue issue : github.issues()) {
        seen.add(issue.title());
        seen.add(issue.body());
        seen.addAll(issue.comments());
      }
      for (FakeRequest r : github.requests()) {
        seen.add(r.path() + "?" + r.query());
        if (!r.body().isEmpty()) {
          JSON.readTree(r.body()).forEach(v -> seen.add(v.isTextual() ? v.asText() : v.toString()));
        }
      }
      assertThat(spans).hasSizeGreaterThan(60);
      for (String span : spans) {
        assertThat(seen).as("reached GitHub: %s", span).noneMatch(s -> s.contains(span));
      }
    }
  }

  @Test
  void theTokenIsNeverInLogsRowsOrAnswersEvenWhenGitHubRefusesIt() throws Exception {
    String wrong = "ghp_wrongTokenAlsoSecret9876543210abcdef";
    PrintStream realErr = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    String journalUrl;
    List<String> answers = new ArrayList<>();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try (FakeGitHubIssues github = FakeGitHubIssues.start("acme/pms", TOKEN)) {
      try (ReportsSite site = new ReportsSite(dir.resolve("wrong"), github, wrong, "")) {
        site.system.startReportWorker();
        site.submit(report("RefusedTokenException", "1.4.0", 1));
        DeliveryPass refused = waitForPass(site);
        answers.add(String.valueOf(refused));
        answers.add(String.valueOf(site.system.queryErrorReports().deliveryState()));
        answers.add(String.valueOf(site.system.queryErrorReports().issues(10)));
        answers.add(String.valueOf(site.config()));
        journalUrl = site.config().journal().url();
        assertThat(refused.lastError()).hasValueSatisfying(e -> assertThat(e).contains("401"));
      }
      assertNoSecretInRows(journalUrl, wrong);
      try (ReportsSite site = new ReportsSite(dir.resolve("right"), github, TOKEN, "")) {
        site.system.startReportWorker();
        site.submit(report("AcceptedTokenException", "1.4.0", 1));
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (github.issues().isEmpty() && System.nanoTime() < deadline) {
          Thread.sleep(100);
        }
        assertThat(github.issues()).hasSize(1);
        journalUrl = site.config().journal().url();
      }
      assertNoSecretInRows(journalUrl, TOKEN);
    } finally {
      System.setErr(realErr);
    }
    String logs = captured.toString(StandardCharsets.UTF_8);
    realErr.print(logs);
    assertThat(logs).contains("error reports");
    assertThat(logs).doesNotContain(wrong).doesNotContain(TOKEN);
    assertThat(String.join("\n", answers)).doesNotContain(wrong).doesNotContain(TOKEN);
  }

  private static DeliveryPass waitForPass(ReportsSite site) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (System.nanoTime() < deadline) {
      var state = site.system.queryErrorReports().deliveryState();
      if (state.lastError().isPresent()) {
        return new DeliveryPass(0, 0, 0, 0, 0, state.pausedUntil(), true, state.lastError());
      }
      Thread.sleep(100);
    }
    throw new AssertionError("the worker never tried to deliver");
  }

  private static void assertNoSecretInRows(String url, String secret) throws Exception {
    int values = 0;
    try (Connection c = DriverManager.getConnection(url, "", "");
        Statement st = c.createStatement();
        ResultSet tables = c.getMetaData().getTables(null, "PUBLIC", "%", new String[] {"TABLE"})) {
      List<String> names = new ArrayList<>();
      while (tables.next()) {
        names.add(tables.getString("TABLE_NAME"));
      }
      for (String table : names) {
        try (ResultSet rows = st.executeQuery("SELECT * FROM \"" + table + "\"")) {
          int columns = rows.getMetaData().getColumnCount();
          while (rows.next()) {
            for (int i = 1; i <= columns; i++) {
              String v = rows.getString(i);
              values++;
              assertThat(v == null ? "" : v).as("%s.%s", table, i).doesNotContain(secret);
            }
          }
        }
      }
    }
    assertThat(values).as("the journal holds rows to look at").isGreaterThan(10);
  }

  private static Map<String, Object> corpusReport(String file, List<String> cases) {
    String text = String.join("\n", cases);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("title", "Corpus " + file);
    m.put("severity", "error");
    m.put("source", "backend");
    m.put("environment", "production");
    m.put("app_version", "1.4.0");
    m.put("message", text);
    m.put("exception_type", "App\\Exceptions\\Corpus" + file.replace(".txt", ""));
    m.put("stack_trace", text);
    m.put("steps_to_reproduce", text);
    m.put("context", Map.of("note", text, "cases", cases));
    return m;
  }

  /** Cases without comment lines, still marked. */
  private static List<String> cases(String file) {
    List<String> out = new ArrayList<>();
    for (String c : file.split("(?m)^----$")) {
      String text = c.lines().filter(l -> !l.startsWith("%%")).reduce((a, b) -> a + "\n" + b)
          .orElse("").strip();
      if (!text.isEmpty()) {
        out.add(text);
      }
    }
    return out;
  }

  private static void collect(String marked, List<String> spans) {
    Matcher m = SPAN.matcher(marked);
    while (m.find()) {
      spans.add(m.group(1));
    }
  }
}
