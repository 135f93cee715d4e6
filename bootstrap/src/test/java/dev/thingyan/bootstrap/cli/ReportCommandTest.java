package dev.thingyan.bootstrap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.thingyan.adapter.github.fake.FakeGitHubIssues;
import dev.thingyan.bootstrap.Standalone;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code thingyan report} and {@code thingyan reports} on the real system and a loopback GitHub. */
class ReportCommandTest {
  private static final String TOKEN = "ghp_cliReportToken0123456789abcdefghij";

  @TempDir Path dir;
  FakeGitHubIssues github;
  Map<String, String> env;
  String out;
  String err;

  @BeforeEach
  void setUp() throws Exception {
    github = FakeGitHubIssues.start("acme/pms", TOKEN);
    Files.createDirectories(dir.resolve("app"));
    Files.createDirectories(dir.resolve("releases"));
    Path token = Files.writeString(dir.resolve("token"), TOKEN);
    Path config = Files.writeString(dir.resolve("thingyan.yaml"), """
        app: {root: %s}
        source: {type: folder, folder: {path: %s}}
        verify: {allow_unsigned: true}
        health: {checks: [{type: database}]}
        database: {engine: sqlite, path: %s}
        reports:
          github: {repo: acme/pms, token_file: %s, api_url: '%s'}
        """.formatted(dir.resolve("app"), dir.resolve("releases"), dir.resolve("db.sqlite"),
        token, github.baseUrl()));
    env = Map.of("THINGYAN_CONFIG", config.toString());
  }

  @AfterEach
  void tearDown() {
    github.close();
  }

  private int run(String... args) {
    StringWriter o = new StringWriter();
    StringWriter e = new StringWriter();
    CliEnvironment cli = new CliEnvironment(new PrintWriter(o, true), new PrintWriter(e, true),
        env, "tester", ZoneId.of("Asia/Yangon"));
    int code = new Main(Standalone::open, (a, lang, po, pe) -> 0, cli).run(args);
    out = o.toString();
    err = e.toString();
    return code;
  }

  private Path file(String json) throws Exception {
    return Files.writeString(Files.createTempFile(dir, "report", ".json"), json);
  }

  @Test
  void aReportFromAFileIsKeptThenFiledAndListed() throws Exception {
    Path report = file("""
        {"title": "Folio total wrong", "severity": "warning", "source": "admin_form",
         "environment": "production", "app_version": "1.4.0",
         "message": "Guest mya.mya@example.com was charged twice, call 09 450 123 456",
         "steps_to_reproduce": "Open folio 42"}
        """);

    assertThat(run("report", report.toString(), "--lang", "en")).as(err).isZero();
    assertThat(out).contains("Report 1 kept").contains("Sent to GitHub: 1 issues created");
    assertThat(github.issues()).singleElement().satisfies(i -> {
      assertThat(i.title()).isEqualTo("Folio total wrong");
      assertThat(i.body()).doesNotContain("mya.mya@example.com").doesNotContain("450 123 456");
      assertThat(i.labels()).contains("severity:warning", "source:admin_form");
    });

    assertThat(run("reports", "--lang", "en")).isZero();
    assertThat(out).contains("#" + github.issues().get(0).number()).contains("linked")
        .contains("Folio total wrong");
  }

  @Test
  void aMalformedReportIsRefusedNamingTheFieldAndNothingIsKept() throws Exception {
    Path report = file("""
        {"title": "x", "severity": "urgent", "source": "backend", "environment": "production"}
        """);

    assertThat(run("report", report.toString(), "--lang", "en")).isEqualTo(ExitCodes.USAGE);
    assertThat(err).contains("severity").contains("nothing was kept");
    assertThat(run("reports", "--json")).isZero();
    assertThat(out).contains("\"pending\" : 0").contains("\"errors\" : [ ]");
  }

  @Test
  void brokenJsonIsRefusedWithWhereItBroke() throws Exception {
    Path report = file("{\"title\": \"x\",\n \"severity\": }");

    assertThat(run("report", report.toString(), "--lang", "en")).isEqualTo(ExitCodes.USAGE);
    assertThat(err).contains("not valid JSON at line 2");
  }

  @Test
  void withoutGitHubConfiguredReportsAreKeptAndTheAdminIsToldWhy() throws Exception {
    String config = java.nio.file.Files.readString(Path.of(env.get("THINGYAN_CONFIG")));
    java.nio.file.Files.writeString(Path.of(env.get("THINGYAN_CONFIG")),
        config.substring(0, config.indexOf("reports:")));
    Path report = file("{\"title\": \"x\", \"severity\": \"info\", \"source\": \"backend\","
        + " \"environment\": \"production\"}");

    assertThat(run("report", report.toString(), "--lang", "en")).as(err).isZero();
    assertThat(out).contains("Report 1 kept").contains("GitHub is not configured");
    assertThat(run("reports", "send")).isZero();
    assertThat(out).contains("GitHub ကို မသတ်မှတ်ရသေးပါ");
    assertThat(github.requests()).isEmpty();
  }

  @Test
  void burmeseByDefault() throws Exception {
    Path report = file("""
        {"title": "ငွေပေးချေမှု မအောင်မြင်ပါ", "severity": "error", "source": "frontend",
         "environment": "production"}
        """);

    assertThat(run("report", report.toString(), "--no-send")).as(err).isZero();
    assertThat(out).contains("Report 1 ကို သိမ်းပြီး");
    assertThat(github.issues()).isEmpty();
  }

  private static final String GOOD = "{\"title\": \"T%d\", \"severity\": \"error\","
      + " \"source\": \"backend\", \"environment\": \"production\"}";

  @Test
  void ndjsonIsJudgedLineByLineAndTheSummarySaysWhy() throws Exception {
    Path report = file(GOOD.formatted(1) + "\n{\"title\": \"no severity\"}\n"
        + GOOD.formatted(3) + "\n{broken\n");
    assertThat(run("report", report.toString(), "--no-send", "--lang", "en"))
        .isEqualTo(ExitCodes.USAGE);
    assertThat(out).contains("2 reports kept, 2 refused.");
    assertThat(err).contains("Report 2 refused: severity: required")
        .contains("Report 4 refused: line 4 is not valid JSON");
    assertThat(run("reports", "--json")).isZero();
    // one error (same fingerprint: no exception type, no message), its two waiting reports
    assertThat(out).contains("\"pending\" : 2").contains("\"title\" : \"T1\"")
        .contains("\"count\" : 2").contains("\"issue_number\" : null");
    assertThat(run("reports", "--lang", "en")).isZero();
    assertThat(out).contains("Waiting to be sent").contains("x2").contains("T1");
  }

  @Test
  void anArrayIsManyReportsAndTrailingDataRefusesTheWholeInput() throws Exception {
    Path array = file("[" + GOOD.formatted(1) + ", " + GOOD.formatted(2) + "]");
    assertThat(run("report", array.toString(), "--no-send", "--lang", "en")).as(err).isZero();
    assertThat(out).contains("2 reports kept, 0 refused.");
    Path trailing = file(GOOD.formatted(3) + " " + GOOD.formatted(4));
    assertThat(run("report", trailing.toString(), "--no-send", "--lang", "en"))
        .isEqualTo(ExitCodes.USAGE);
    assertThat(err).contains("has data after its JSON document");
    assertThat(run("reports", "--json")).isZero();
    assertThat(out).contains("\"pending\" : 2").doesNotContain("OptionalLong");
  }

  @Test
  void deepNestingIsRefusedWithAClearMessage() throws Exception {
    Path deep = file("[".repeat(200_000));
    assertThat(run("report", deep.toString(), "--no-send", "--lang", "en"))
        .isEqualTo(ExitCodes.USAGE);
    assertThat(err).contains("nested deeper than 64 levels");
  }

  @Test
  void controlCharactersNeverReachTheTerminal() throws Exception {
    Path report = file("{\"title\": \"bad\\u001b[2J title\", \"severity\": \"error\","
        + " \"source\": \"backend\", \"environment\": \"production\","
        + " \"context\": {\"big\": 1e400}}");
    assertThat(run("report", report.toString(), "--lang", "en")).as(err).isZero();
    assertThat(github.issues()).singleElement().satisfies(i -> {
      assertThat(i.title()).isEqualTo("bad\\u001b[2J title").doesNotContain("\u001b");
      assertThat(i.body()).contains("1E+400").doesNotContain("Infinity");
    });
    assertThat(run("reports", "--lang", "en")).isZero();
    assertThat(out).contains("bad\\u001b[2J title").doesNotContain("\u001b");
  }
}
