package dev.thingyan.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The issue-10 scenarios on one real Laravel stack ({@link LaravelStack}), in the order a site
 * lives them: 1.0.0 installed; an open folio blocks 1.1.0 (5); 1.1.0 under load (1); 1.2.0
 * breaks after the swap and is rolled back (2); 1.3.0's migration fails halfway (3); 1.4.0 needs
 * maintenance, from the folder source (4); thingyan SIGKILLed at points of a good and of a
 * broken update (6). Each asserts the final code, database, queue and gate. Figures go to
 * {@code target/e2e-metrics.json}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@org.junit.jupiter.api.Order(1)
class LaravelUpdateTest {

  static LaravelStack stack;
  static Journal journal;
  static final Map<String, Object> METRICS = new LinkedHashMap<>();

  @BeforeAll
  static void start() {
    stack = LaravelStack.shared();
    journal = new Journal(stack);
    stack.github.publish(stack.releases.build("1.0.0").forGitHub());
    Proc.Result first = stack.thingyan("apply", "1.0.0");
    assertThat(first.exit()).as(first.out()).isZero();
    assertThat(stack.get("/health").status()).isEqualTo(200);
    assertThat(stack.versionOfWorker(Duration.ofSeconds(20))).isEqualTo("1.0.0");
    stack.github.publish(stack.releases.build("1.1.0").forGitHub());
  }

  @AfterAll
  static void stop() throws IOException {
    if (stack == null) {
      return;
    }
    try {
      Path out = stack.dir.getParent().resolve("e2e-metrics.json");
      Files.writeString(out, new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(METRICS));
      String summary = Summary.of(METRICS);
      Files.writeString(stack.dir.getParent().resolve("e2e-summary.txt"), summary);
      System.out.println(summary + "\n(all figures: " + out + ")");
    } finally {
      // the stack stays up for the next class (PreviewUpdateTest); the JVM's exit stops it
      stack.log("LaravelUpdateTest done");
    }
  }

  // ------------------------------------------------------------------------------ scenario 5

  @Test
  @Order(1)
  void anOpenFolioWithABalanceBlocksTheUpdate() {
    selected(5);
    stack.db.execute("INSERT INTO folios (booking_id, status, balance, created_at, updated_at)"
        + " VALUES (NULL, 'open', 120.50, NOW(), NOW())");
    Map<String, String> before = stack.db.snapshot();
    Path currentBefore = stack.current().orElseThrow();
    List<String> releasesBefore = releaseFolders();

    Proc.Result checkEn = stack.thingyan(stack.config("precheck"), "en", Map.of(), "check");
    Proc.Result checkMy = stack.thingyan(stack.config("precheck"), "my", Map.of(), "check");
    Proc.Result en = stack.thingyan(stack.config("precheck"), "en", Map.of(), "apply", "1.1.0");
    Journal.RunView runEn = journal.last();
    Proc.Result my = stack.thingyan(stack.config("precheck"), "my", Map.of(), "apply", "1.1.0");
    Journal.RunView runMy = journal.last();

    assertThat(en.exit()).as(en.out()).isNotZero();
    assertThat(runEn.state()).isEqualTo("precheck_failed");
    assertThat(runMy.state()).isEqualTo("precheck_failed");
    assertThat(runMy.id()).isNotEqualTo(runEn.id());
    String enLine = lineWith(en.out(), "open_folios");
    assertThat(enLine).as(en.out()).containsIgnoringCase("open_folios");
    // the finding's own text is English today (the domain builds it; another issue turns it into
    // codes): the Burmese output must still frame it in Burmese
    String myLine = my.out().lines().filter(l -> l.contains("open_folios") && l.matches(".*[\\u1000-\\u109F].*"))
        .findFirst().orElse("");
    assertThat(myLine).as("the Burmese output names the blocking precheck in Myanmar script:\n" + my.out())
        .matches("(?s).*[\\u1000-\\u109F].*");
    assertThat(my.out()).as("the Burmese run's output is in Burmese").matches("(?s).*[\\u1000-\\u109F]{3,}.*");
    assertThat(en.out()).contains("Reason: precheck failed").contains("open_folios");
    // `check` (before the applies) lists each precheck with whether it blocks, in the CLI's language
    assertThat(lineWith(checkEn.out(), "open_folios")).as(checkEn.out()).contains("(blocks the update)");
    assertThat(lineWith(checkMy.out(), "open_folios")).as(checkMy.out()).contains("(update ကို တားဆီးသည်)");
    assertThat(checkEn.exit()).isNotZero();

    // nothing changed
    assertThat(stack.current()).contains(currentBefore);
    assertThat(releaseFolders()).isEqualTo(releasesBefore);
    assertThat(stack.db.snapshot()).isEqualTo(before);
    assertThat(stack.get("/health").version()).isEqualTo("1.0.0");
    assertNoGate();
    METRICS.put("scenario5_precheck", Map.of("en", enLine.trim(), "my", myLine.trim()));
    stack.db.execute("DELETE FROM folios WHERE status = 'open' AND balance = 120.50");
  }

  // ------------------------------------------------------------------------------ scenario 1

  @Test
  @Order(2)
  void updatesUnderLoadWithoutAFailedOrMixedRequest() {
    selected(1);
    // soft: a failure reports every facet (code, database, queue, gate, load) at once
    SoftAssertions softly = new SoftAssertions();
    Load.Report load;
    Proc.Result r;
    try (Load l = new Load(stack, 4)) {
      LaravelStack.sleepQuietly(2000);
      r = stack.thingyan("apply", "1.1.0");
      LaravelStack.sleepQuietly(2000);
      load = l.stop();
    }
    Journal.RunView run = journal.last();
    List<Journal.Step> steps = journal.steps(run.id());
    record("scenario1_update_1.0.0_to_1.1.0", r, run, steps, load, null);

    softly.assertThat(r.exit()).as(r.out()).isZero();
    softly.assertThat(run.state()).isEqualTo("completed");
    // code
    softly.assertThat(stack.currentVersion()).isEqualTo("1.1.0");
    LaravelStack.Answer health = stack.get("/health");
    softly.assertThat(health.status()).isEqualTo(200);
    softly.assertThat(health.version()).isEqualTo("1.1.0");
    softly.assertThat(health.body()).contains("\"app_version\":\"1.1.0\"");
    softly.assertThat(Journal.step(steps, "health").orElseThrow().detail())
        .as("/health reported 1.1.0 at the first probe after the swap").contains("attempt 1");
    // load: nothing failed, nothing mixed, the switch happened once
    softly.assertThat(load.failed()).as(load.summary()).isEmpty();
    softly.assertThat(load.mixed()).as(load.summary()).isEmpty();
    softly.assertThat(load.answeredBy("1.0.0")).isPositive();
    softly.assertThat(load.answeredBy("1.1.0")).isPositive();
    long firstNew = load.window(s -> s.header().equals("1.1.0")).clone()[0];
    softly.assertThat(load.samples()).as("no 1.0.0 answer to a request sent after 1.1.0 answered")
        .noneMatch(s -> s.atMillis() > firstNew + 1000 && s.header().equals("1.0.0"));
    // database: the new column, filled by the migration for every earlier booking
    softly.assertThat(stack.db.columns("bookings")).contains("nights");
    softly.assertThat(stack.db.scalar("SELECT COUNT(*) FROM bookings WHERE check_in < '2026-02-01'"
        + " AND (nights IS NULL OR nights <> DATEDIFF(check_out, check_in))")).isEqualTo("0");
    softly.assertThat(stack.db.migrations()).contains("2026_02_01_000000_add_nights_to_bookings");
    // queue: the worker runs 1.1.0's code
    softly.assertThat(stack.versionOfWorker(Duration.ofSeconds(20))).isEqualTo("1.1.0");
    assertNoGate(softly);
    softly.assertAll();
  }

  // ------------------------------------------------------------------------------ scenario 2

  @Test
  @Order(3)
  void aReleaseBrokenAfterTheSwapIsRolledBack() {
    selected(2);
    // soft: a failure reports every facet (code, database, queue, gate, load) at once
    SoftAssertions softly = new SoftAssertions();
    repairIfLeftBroken("aReleaseBrokenAfterTheSwapIsRolledBack");
    stack.github.publish(stack.releases.build("1.2.0").forGitHub());
    Path before = stack.current().orElseThrow();
    long bookingsBefore = stack.db.count("bookings");
    Load.Report load;
    Proc.Result r;
    try (Load l = new Load(stack, 4)) {
      LaravelStack.sleepQuietly(2000);
      r = stack.thingyan("apply", "1.2.0");
      LaravelStack.sleepQuietly(2000);
      load = l.stop();
    }
    Journal.RunView run = journal.last();
    List<Journal.Step> steps = journal.steps(run.id());
    Long window = brokenWindow(load, "1.2.0", "1.1.0");
    record("scenario2_broken_1.2.0_rolled_back", r, run, steps, load, window);
    Journal.step(steps, "health").ifPresent(h -> {
      // the issue's measure: from the first (failing) probe of the broken release to 1.1.0 answering
      long probe = h.started().toEpochMilli();
      load.samples().stream().filter(x -> x.atMillis() > probe && x.ok() && x.header().equals("1.1.0"))
          .mapToLong(Load.Sample::atMillis).min().ifPresent(t -> metric("scenario2_broken_1.2.0_rolled_back",
              "first_failing_probe_to_old_release_ms", t - probe));
    });
    softly.assertThat(run.target()).as(r.out()).isEqualTo("1.2.0");

    softly.assertThat(run.state()).as(journal.log(run.id())).isEqualTo("failed");
    softly.assertThat(r.exit()).isEqualTo(1);
    // code: the same 1.1.0 release folder serves again, with its data
    softly.assertThat(stack.current()).contains(before);
    LaravelStack.Answer health = stack.get("/health");
    softly.assertThat(health.status()).as(health.toString()).isEqualTo(200);
    softly.assertThat(health.version()).isEqualTo("1.1.0");
    LaravelStack.Answer dashboard = stack.get("/dashboard");
    softly.assertThat(dashboard.status()).isEqualTo(200);
    softly.assertThat(dashboard.body()).contains("id=\"app-version\">1.1.0<").contains("Nights booked");
    softly.assertThat(stack.db.count("bookings")).isGreaterThanOrEqualTo(bookingsBefore);
    softly.assertThat(stack.db.columns("bookings")).contains("nights");
    // queue and gate
    softly.assertThat(stack.versionOfWorker(Duration.ofSeconds(20))).isEqualTo("1.1.0");
    assertNoGate(softly);
    // after the rollback only 1.1.0 answers, and none of its answers failed
    long rolledBack = load.window(s -> s.header().equals("1.2.0") || !s.ok()) == null ? 0
        : load.window(s -> s.header().equals("1.2.0") || !s.ok())[1];
    softly.assertThat(load.samples()).filteredOn(s -> s.atMillis() > rolledBack).allMatch(s -> s.ok()
        && s.header().equals("1.1.0"));
    softly.assertThat(load.mixed()).as(load.summary()).isEmpty();
    // fail fast: the broken release's first HTTP 500 ends the health wait at once (not after the
    // retries); the window until 1.1.0 answers again is measured against the issue's target (2 s)
    // in the metrics (e2e-metrics.json, bench/laravel.sh), not asserted: it depends on the machine
    softly.assertThat(Journal.step(steps, "health").map(Journal.Step::detail).orElse(""))
        .as("the health step gave up at the first broken answer").contains("attempt 1");
    softly.assertThat(window).as("the load saw the broken release fail: " + load.summary()).isNotNull();
    softly.assertAll();
  }

  // ------------------------------------------------------------------------------ scenario 3

  @Test
  @Order(4)
  void aMigrationFailingHalfwayIsUndoneExactly() {
    selected(3);
    // soft: a failure reports every facet (code, database, queue, gate, load) at once
    SoftAssertions softly = new SoftAssertions();
    repairIfLeftBroken("aMigrationFailingHalfwayIsUndoneExactly");
    stack.github.publish(stack.releases.build("1.3.0").forGitHub());
    Path before = stack.current().orElseThrow();
    Map<String, String> dbBefore = stack.db.snapshot();

    Proc.Result r = stack.thingyan("apply", "1.3.0");
    Journal.RunView run = journal.last();
    List<Journal.Step> steps = journal.steps(run.id());
    record("scenario3_migration_fails_1.3.0", r, run, steps, null, null);
    softly.assertThat(run.target()).as(r.out()).isEqualTo("1.3.0");

    softly.assertThat(run.state()).as(journal.log(run.id())).isEqualTo("failed");
    softly.assertThat(r.out()).contains("room 10 has no rate for the low season");
    softly.assertThat(Journal.step(steps, "db_restore")).as("the database was restored").isPresent();
    // database: table by table (definition, rows, checksum) as before the update
    Map<String, String> dbAfter = stack.db.snapshot();
    softly.assertThat(dbAfter.keySet()).isEqualTo(dbBefore.keySet());
    softly.assertThat(dbAfter).isEqualTo(dbBefore);
    softly.assertThat(new AppDb("information_schema").query(
        "SELECT schema_name FROM schemata WHERE schema_name LIKE 'thingyan\\_%'")).as("no scratch database left").isEmpty();
    // code, queue, gate
    softly.assertThat(stack.current()).contains(before);
    softly.assertThat(stack.get("/health").version()).isEqualTo("1.1.0");
    softly.assertThat(stack.get("/rooms").status()).isEqualTo(200);
    softly.assertThat(stack.versionOfWorker(Duration.ofSeconds(20))).isEqualTo("1.1.0");
    assertNoGate(softly);
    softly.assertAll();
  }

  // ------------------------------------------------------------------------------ scenario 4

  @Test
  @Order(5)
  void aReleaseThatNeedsMaintenanceInstallsWithTheGateUpOnlyMeanwhile() {
    selected(4);
    // soft: a failure reports every facet (code, database, queue, gate, load) at once
    SoftAssertions softly = new SoftAssertions();
    repairIfLeftBroken("aReleaseThatNeedsMaintenanceInstallsWithTheGateUpOnlyMeanwhile");
    Releases.copyToFolder(stack.releases.build("1.4.0"), stack.releaseFolder);
    Load.Report load;
    Proc.Result r;
    try (Load l = new Load(stack, 3)) {
      LaravelStack.sleepQuietly(2000);
      r = stack.thingyan(stack.config("folder"), "en", Map.of(), "apply", "1.4.0");
      LaravelStack.sleepQuietly(2000);
      load = l.stop();
    }
    Journal.RunView run = journal.last();
    List<Journal.Step> steps = journal.steps(run.id());
    record("scenario4_maintenance_1.4.0_folder_source", r, run, steps, load, null);
    softly.assertThat(run.target()).as(r.out()).isEqualTo("1.4.0");

    softly.assertThat(r.exit()).as(r.out()).isZero();
    softly.assertThat(run.state()).isEqualTo("completed");
    softly.assertThat(stack.currentVersion()).isEqualTo("1.4.0");
    softly.assertThat(stack.get("/health").version()).isEqualTo("1.4.0");
    softly.assertThat(stack.db.columns("folios")).contains("closed_at");
    softly.assertThat(stack.db.scalar("SELECT COUNT(*) FROM folios WHERE status = 'closed' AND closed_at IS NULL"))
        .isEqualTo("0");
    softly.assertThat(stack.versionOfWorker(Duration.ofSeconds(20))).isEqualTo("1.4.0");
    assertNoGate(softly);
    // the gate: up around the migration, and the load's only failures are its 503s
    var on = Journal.step(steps, "maintenance_on");
    var off = steps.stream().filter(st -> st.name().equals("maintenance_off")).reduce((a, b) -> b);
    var migrate = Journal.step(steps, "migrate");
    softly.assertThat(on).as("a maintenance_on step: " + steps).isPresent();
    softly.assertThat(off).as("a maintenance_off step: " + steps).isPresent();
    softly.assertThat(load.failed()).as(load.summary()).allMatch(x -> x.status() == 503);
    softly.assertThat(load.mixed()).isEmpty();
    if (on.isPresent() && off.isPresent() && migrate.isPresent()) {
      softly.assertThat(on.get().started()).isBefore(migrate.get().started());
      softly.assertThat(off.get().ended()).isAfter(migrate.get().ended());
      long mFrom = migrate.get().started().toEpochMilli();
      long mTo = migrate.get().ended().toEpochMilli();
      softly.assertThat(load.failed()).as("the load saw the gate during the migration: " + load.summary())
          .anyMatch(x -> x.atMillis() >= mFrom && x.atMillis() <= mTo);
      long from = on.get().started().toEpochMilli() - 500;
      long to = off.get().ended().toEpochMilli() + 500;
      softly.assertThat(load.failed()).as("503 only while the gate was up")
          .allMatch(x -> x.atMillis() >= from && x.atMillis() <= to);
      METRICS.put("scenario4_gate_ms", off.get().ended().toEpochMilli() - on.get().started().toEpochMilli());
    }
    softly.assertAll();
  }

  // ------------------------------------------------------------------------------ scenario 6

  /**
   * thingyan SIGKILLed (its own fault points, {@code THINGYAN_FAULT}) in a good update with a
   * migration (1.5.x, like scenario 1) and in a broken one (1.6.x, like scenario 2), then
   * started again ({@code status} recovers): the site ends on a complete release whose schema
   * matches it, with no gate and no stale lock.
   */
  @Test
  @Order(6)
  void killedAndRestartedItEndsOnACompleteRelease() {
    selected(6);
    repairIfLeftBroken("killedAndRestartedItEndsOnACompleteRelease");
    Map<String, Object> trials = new LinkedHashMap<>();
    // completes: the recovery table's row for the point (DESIGN.md): a kill once the swap was
    // recorded finishes the update; earlier, or in a release that fails, it is rolled back
    record Trial(String version, String filesOf, boolean marker, String fault, boolean completes) {}
    List<Trial> list = List.of(
        new Trial("1.5.1", "1.5.0", true, "after-step-end:migrate", false),
        new Trial("1.5.2", "1.5.0", true, "swap:link-created", false),
        new Trial("1.5.3", "1.5.0", true, "after-step-end:swap", true),
        new Trial("1.6.1", "1.6.0", false, "after-step-start:health", false),
        new Trial("1.6.2", "1.6.0", false, "after-step-end:rollback_swap", false));
    StringBuilder failures = new StringBuilder();
    for (Trial t : list) {
      String before = stack.currentVersion();
      stack.github.publish(stack.releases.build(t.version(), t.filesOf(), t.marker()).forGitHub());
      Proc.Result killed = stack.thingyan(stack.config("github"), "en", Map.of("THINGYAN_FAULT", t.fault()),
          "apply", t.version());
      Proc.Result recovered = stack.thingyan("status");
      Journal.RunView run = journal.history(5).stream().filter(v -> t.version().equals(v.target()))
          .findFirst().orElseThrow(() -> new AssertionError("no run for " + t.version() + ":\n" + killed.out()));
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("killed_exit", killed.exit());
      m.put("end_state", run.state());
      m.put("current", stack.currentVersion());
      trials.put(t.version() + "@" + t.fault(), m);
      String problem = siteProblem(t.completes() ? t.version() : before);
      if (killed.exit() != 137) {
        problem += " the process was not killed at " + t.fault() + " (exit " + killed.exit() + ");";
      }
      if (recovered.exit() != 0) {
        problem += " `status` after the kill exited " + recovered.exit() + ";";
      }
      if (!problem.isEmpty()) {
        failures.append(t.version()).append(" killed at ").append(t.fault()).append(":").append(problem)
            .append("\n  run ").append(run).append("\n").append(indent(journal.log(run.id()))).append("\n");
        repair();
      }
      m.put("problems", problem);
    }
    METRICS.put("scenario6_crash_trials", trials);
    assertThat(failures.toString()).as("kill and restart trials").isEmpty();
  }

  /** @return what is wrong with the site ("" when nothing) after a recovery that should end on {@code version} */
  private String siteProblem(String version) {
    StringBuilder p = new StringBuilder();
    String current = stack.currentVersion();
    if (!current.equals(version)) {
      p.append(" current is ").append(current).append(", expected ").append(version).append(';');
    }
    List<String> files = migrationFiles(stack.current().orElseThrow());
    List<String> applied = stack.db.migrations();
    if (!applied.equals(files)) {
      p.append(" schema does not match the release: migrations run ").append(applied).append(", release has ")
          .append(files).append(';');
    }
    LaravelStack.Answer health = stack.get("/health");
    if (health.status() != 200 || !health.version().equals(current)) {
      p.append(" /health answered ").append(health).append(';');
    }
    if (stack.laravelDown() || stack.thingyanGateFlag()) {
      p.append(" a gate is up (laravel down: ").append(stack.laravelDown()).append(", thingyan flag: ")
          .append(stack.thingyanGateFlag()).append(");");
    }
    var status = journal.status();
    for (String field : List.of("active", "blocking")) {
      var run = status.get(field);
      if (run != null && !run.isNull()) {
        p.append(" status shows a run ").append(field).append(": ").append(run.get("state")).append(' ')
            .append(run.get("reason")).append(';');
      }
    }
    if (status.get("maintenance") != null && status.get("maintenance").asBoolean()) {
      p.append(" status says the gate is up;");
    }
    Proc.Result check = stack.thingyan("check");
    if (check.exit() == 3) {
      p.append(" `check` is refused (a stale lock or a block): ").append(check.out()).append(';');
    }
    return p.toString();
  }

  /**
   * An earlier scenario that failed (a product bug) may leave updates blocked or a gate up: an
   * admin's repair (resolve, `php artisan up`), recorded, so that each scenario tests its own story.
   */
  private void repairIfLeftBroken(String scenario) {
    var status = journal.status();
    boolean blocked = status.get("blocking") != null && !status.get("blocking").isNull();
    boolean gate = stack.laravelDown() || stack.thingyanGateFlag();
    if (blocked || gate) {
      REPAIRS.put(scenario, "before it: blocked=" + blocked + " laravel_down=" + stack.laravelDown()
          + " thingyan_gate=" + stack.thingyanGateFlag());
      METRICS.put("repairs_before_scenarios", REPAIRS);
      repair();
    }
  }

  static final Map<String, String> REPAIRS = new LinkedHashMap<>();

  /** What an admin would do after a failed trial, so the next trial starts from a working site. */
  private void repair() {
    stack.thingyan("resolve", "--reason", "e2e: repaired after a failed trial");
    Path artisan = stack.root.resolve("current/artisan");
    Proc.run(Proc.asAppUser(List.of("php", artisan.toString(), "up")));
    Proc.run(List.of("rm", "-f", stack.root.resolve(".thingyan/maintenance").toString()));
  }

  // ------------------------------------------------------------------------------ helpers

  /** {@code -De2e.scenarios=1,2} runs only those scenarios (bench/laravel.sh); default all. */
  private static void selected(int scenario) {
    String only = System.getProperty("e2e.scenarios", "").trim();
    assumeTrue(only.isEmpty() || List.of(only.split("\\s*,\\s*")).contains(String.valueOf(scenario)),
        "scenario " + scenario + " not selected by -De2e.scenarios=" + only);
  }

  private static void assertNoGate() {
    SoftAssertions softly = new SoftAssertions();
    assertNoGate(softly);
    softly.assertAll();
  }

  private static void assertNoGate(SoftAssertions softly) {
    softly.assertThat(stack.laravelDown()).as("Laravel's down file (storage/framework/down)").isFalse();
    softly.assertThat(stack.thingyanGateFlag()).as("thingyan's gate flag (.thingyan/maintenance)").isFalse();
  }

  private static List<String> releaseFolders() {
    try (Stream<Path> s = Files.list(stack.root.resolve("releases"))) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static List<String> migrationFiles(Path release) {
    try (Stream<Path> s = Files.list(release.resolve("database/migrations"))) {
      return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".php"))
          .map(n -> n.substring(0, n.length() - 4)).sorted().toList();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static String lineWith(String text, String needle) {
    return text.lines().filter(l -> l.contains(needle)).findFirst().orElse("");
  }

  private static String indent(String text) {
    return text.lines().map(l -> "    " + l).reduce("", (a, b) -> a + b + "\n");
  }

  /**
   * @return ms from the first failed request or broken-release answer to the first answer of the
   *     old release after it, or null when the load saw no failure
   */
  static Long brokenWindow(Load.Report load, String broken, String old) {
    long[] bad = load.window(s -> !s.ok() || s.header().equals(broken));
    if (bad == null) {
      return null;
    }
    return load.samples().stream().filter(s -> s.atMillis() > bad[1] && s.ok() && s.header().equals(old))
        .mapToLong(Load.Sample::atMillis).min().stream().map(t -> t - bad[0]).boxed().findFirst().orElse(null);
  }

  /** Steps whose time is the app's hooks (artisan, queue:restart, Laravel's gate). */
  private static final java.util.Set<String> HOOK_STEPS = java.util.Set.of("install", "warm", "migrate",
      "post_swap", "maintenance_on", "maintenance_off", "rollback_post_swap");

  @SuppressWarnings("unchecked")
  private static void metric(String scenario, String key, Object value) {
    ((Map<String, Object>) METRICS.computeIfAbsent(scenario, k -> new LinkedHashMap<>())).put(key, value);
  }

  private static void record(String name, Proc.Result process, Journal.RunView run, List<Journal.Step> steps,
      Load.Report load, Long brokenWindowMs) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("run", run.id());
    m.put("end_state", run.state());
    m.put("process_ms", process.took().toMillis());
    // the update's time split: the app's hooks, health waits, backup and restore, and the rest
    // (thingyan's own work: prechecks, download, verify, extract, links, swap, clean-up)
    Map<String, Long> split = new LinkedHashMap<>();
    Journal.millisPerStep(steps).forEach((step, ms) -> split.merge(
        HOOK_STEPS.contains(step) ? "hooks" : step.contains("health") ? "health_waits"
            : step.equals("backup") || step.equals("db_restore") ? "backup_and_restore" : "thingyan_steps",
        ms, Long::sum));
    m.put("ms_by_kind", split);
    if (!steps.isEmpty() && steps.get(steps.size() - 1).ended() != null) {
      m.put("run_ms", steps.get(steps.size() - 1).ended().toEpochMilli() - steps.get(0).started().toEpochMilli());
    }
    m.put("ms_per_step", Journal.millisPerStep(steps));
    if (load != null) {
      m.put("requests", load.total());
      m.put("failed", load.failed().size());
      m.put("statuses", load.statuses());
      m.put("mixed", load.mixed().size());
      m.put("answered_by_version", Map.of("1.0.0", load.answeredBy("1.0.0"), "1.1.0", load.answeredBy("1.1.0"),
          "1.2.0", load.answeredBy("1.2.0"), "1.4.0", load.answeredBy("1.4.0")));
    }
    if (brokenWindowMs != null) {
      m.put("first_failure_to_old_release_ms", brokenWindowMs);
      m.put("first_failure_to_old_release_target_ms", 2000);
      m.put("failed_requests_by_status", load.failed().stream().collect(java.util.stream.Collectors.groupingBy(
          x -> x.status(), java.util.TreeMap::new, java.util.stream.Collectors.counting())));
    }
    m.put("recorded_at", Instant.now().toString());
    if (!steps.isEmpty() && m.get("run_ms") instanceof Long runMs) {
      // JVM start, configuration, journal open and recovery before the first step, and the end
      m.put("outside_steps_ms", process.took().toMillis() - runMs);
    }
    METRICS.put(name, m);
    stack.log(name + ": " + m);
  }
}
