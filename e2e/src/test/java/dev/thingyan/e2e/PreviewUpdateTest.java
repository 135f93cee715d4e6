package dev.thingyan.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The preview before the swap (issue 19) on the suite's one Laravel stack, after the issue-10
 * scenarios: the staged release is served by nginx's loopback-only preview site (the shipped
 * docs/nginx/thingyan-preview.conf, root through {@code .thingyan/preview}) or by {@code php -S},
 * and asked by the health checks before any production request reaches it.
 *
 * <p>Releases: 1.7.0 (a good base with 1.5.0's files, so none of the releases after it migrates
 * and every rollback is of code alone), 1.7.1 (a PHP fatal error in the HTTP kernel: cannot
 * boot), 1.7.2 (breaks only once it is `current`), 1.7.3 (good; the process is killed
 * during its preview). With {@code -De2e.preview.bench=true} (bench/laravel.sh) the same
 * releases also run with the preview off, for the figures side by side.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Order(2)
class PreviewUpdateTest {

  static LaravelStack stack;
  static Journal journal;
  static final Map<String, Object> METRICS = new LinkedHashMap<>();

  @BeforeAll
  static void start() {
    String only = System.getProperty("e2e.scenarios", "").trim();
    assumeTrue(only.isEmpty() || List.of(only.split("\\s*,\\s*")).contains("preview"),
        "the preview scenarios are not selected by -De2e.scenarios=" + only);
    stack = LaravelStack.shared();
    journal = new Journal(stack);
    if (stack.current().isEmpty()) {
      // run alone: the site's first release, as LaravelUpdateTest starts
      stack.github.publish(stack.releases.build("1.0.0").forGitHub());
      assertThat(stack.thingyan("apply", "1.0.0").exit()).isZero();
      stack.github.publish(stack.releases.build("1.1.0").forGitHub());
      assertThat(stack.thingyan("apply", "1.1.0").exit()).isZero();
    }
    stack.thingyan("resolve", "--reason", "e2e: the preview scenarios start from a working site");
    stack.github.publish(stack.releases.build("1.7.0", "1.5.0", false).forGitHub());
    Proc.Result base = apply("preview-link", "1.7.0");
    Journal.RunView run = journal.last();
    record("good_update_preview_link_1.7.0", base, run, journal.steps(run.id()), null);
    assertThat(run.state()).as(base.out()).isEqualTo("completed");
    assertThat(stack.get("/health").version()).isEqualTo("1.7.0");
  }

  @AfterAll
  static void stop() throws IOException {
    if (stack != null) {
      Files.writeString(stack.dir.getParent().resolve("e2e-preview-metrics.json"),
          new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(METRICS));
    }
  }

  // ------------------------------------------------------------------------------ cannot boot

  @Test
  @Order(1)
  void aReleaseThatCannotBootIsStoppedByThePreviewAndNoGuestSeesIt() {
    SoftAssertions softly = new SoftAssertions();
    stack.github.publish(stack.releases.build("1.7.1").forGitHub());
    Path before = stack.current().orElseThrow();
    Outcome o = underLoad("preview-link", "1.7.1");
    record("cannot_boot_1.7.1_preview_link", o.process, o.run, o.steps, o.load);

    softly.assertThat(o.run.state()).as(journal.log(o.run.id())).isEqualTo("failed");
    softly.assertThat(o.process.exit()).isEqualTo(1);
    softly.assertThat(o.run.reason()).contains("preview check failed before the swap").contains("-> 500");
    softly.assertThat(o.process.out()).contains("preview check failed");
    // shown like any other check: `show` and `status`, in English and in Burmese
    softly.assertThat(journal.log(o.run.id())).contains("Preview check before the swap: failed");
    softly.assertThat(stack.thingyan(stack.config("preview-link"), "my", Map.of(), "status").out())
        .contains("(preview check): မအောင်မြင်");
    softly.assertThat(Journal.step(o.steps, "preview_health").map(Journal.Step::outcome)).contains("failed");
    softly.assertThat(o.steps).extracting(Journal.Step::name).as("no swap, none back")
        .doesNotContain("swap", "rollback_swap", "maintenance_on", "db_restore");
    softly.assertThat(o.currents).as("`current` during the whole run").containsExactly(before);
    softly.assertThat(stack.current()).contains(before);
    // the production URL under load all along: not one failed request
    softly.assertThat(o.load.total()).isPositive();
    softly.assertThat(o.load.failed()).as(o.load.summary()).isEmpty();
    softly.assertThat(o.load.answeredBy("1.7.1")).isZero();
    softly.assertThat(o.load.mixed()).isEmpty();
    assertSiteOn("1.7.0", softly);
    softly.assertAll();
  }

  // ------------------------------------------------------------------------------ breaks after the swap

  @Test
  @Order(2)
  void aReleaseThatPassesThePreviewButBreaksOnceCurrentIsRolledBackByThePostSwapCheck() {
    SoftAssertions softly = new SoftAssertions();
    stack.github.publish(stack.releases.build("1.7.2").forGitHub());
    Path before = stack.current().orElseThrow();
    Outcome o = underLoad("preview-link", "1.7.2");
    record("breaks_after_swap_1.7.2_preview_link", o.process, o.run, o.steps, o.load);

    softly.assertThat(o.run.state()).as(journal.log(o.run.id())).isEqualTo("failed");
    softly.assertThat(Journal.step(o.steps, "preview_health").map(Journal.Step::outcome)).contains("succeeded");
    softly.assertThat(Journal.step(o.steps, "preview_health").map(Journal.Step::detail).orElse(""))
        .contains("127.0.0.1:" + stack.previewPort);
    softly.assertThat(Journal.step(o.steps, "swap").map(Journal.Step::outcome)).contains("succeeded");
    softly.assertThat(Journal.step(o.steps, "health").map(Journal.Step::outcome)).contains("failed");
    softly.assertThat(Journal.step(o.steps, "rollback_swap").map(Journal.Step::outcome)).contains("succeeded");
    softly.assertThat(o.run.reason()).contains("health check failed").contains("-> 500");
    softly.assertThat(stack.current()).contains(before);
    softly.assertThat(o.currents).as("swapped in, then back").hasSize(2);
    assertSiteOn("1.7.0", softly);
    softly.assertAll();
  }

  // ------------------------------------------------------------------------------ a crash in the preview

  @Test
  @Order(3)
  void aCrashDuringThePreviewIsCleanedUpByStartUpRecovery() {
    SoftAssertions softly = new SoftAssertions();
    stack.github.publish(stack.releases.build("1.7.3", "1.5.0", false).forGitHub());
    Path before = stack.current().orElseThrow();

    Proc.Result killed = stack.thingyan(stack.config("preview-link"), "en", Map.of("THINGYAN_FAULT", "preview:serving"),
        "apply", "1.7.3");
    assertThat(killed.exit()).as(killed.out()).isEqualTo(137);
    assertThat(stack.previewLink()).as("the killed process left the preview link").isSymbolicLink();
    // the next start of thingyan (any command) recovers the run
    Proc.Result recovered = stack.thingyan(stack.config("preview-link"), "en", Map.of(), "status");

    Journal.RunView run = journal.history(3).stream().filter(v -> "1.7.3".equals(v.target())).findFirst().orElseThrow();
    List<Journal.Step> steps = journal.steps(run.id());
    softly.assertThat(recovered.exit()).as(recovered.out()).isZero();
    softly.assertThat(stack.previewLink()).as("no preview link after recovery").doesNotExist();
    softly.assertThat(Journal.step(steps, "preview_stop").map(Journal.Step::detail).orElse(""))
        .contains("removed the preview link");
    softly.assertThat(run.state()).as(journal.log(run.id())).isEqualTo("failed");
    softly.assertThat(steps).extracting(Journal.Step::name).doesNotContain("swap", "rollback_swap");
    softly.assertThat(stack.current()).contains(before);
    assertSiteOn("1.7.0", softly);
    METRICS.put("crash_in_preview_link_1.7.3", Map.of("end_state", run.state(), "steps",
        steps.stream().map(Journal.Step::name).toList()));
    softly.assertAll();
  }

  @Test
  @Order(4)
  void aCrashDuringACommandPreviewLeavesNoServerBehind() {
    SoftAssertions softly = new SoftAssertions();
    stack.github.publish(stack.releases.build("1.7.4", "1.5.0", false).forGitHub());
    Path before = stack.current().orElseThrow();

    Proc.Result killed = stack.thingyan(stack.config("preview-command"), "en",
        Map.of("THINGYAN_FAULT", "preview:serving"), "apply", "1.7.4");
    assertThat(killed.exit()).as(killed.out()).isEqualTo(137);
    List<ProcessHandle> servers = phpServers("1.7.4-");
    assertThat(servers).as("the killed process left its php -S running").isNotEmpty();
    Proc.Result recovered = stack.thingyan(stack.config("preview-command"), "en", Map.of(), "status");

    Journal.RunView run = journal.history(3).stream().filter(v -> "1.7.4".equals(v.target())).findFirst().orElseThrow();
    List<Journal.Step> steps = journal.steps(run.id());
    softly.assertThat(recovered.exit()).as(recovered.out()).isZero();
    LaravelStack.waitFor(() -> servers.stream().noneMatch(ProcessHandle::isAlive), Duration.ofSeconds(10),
        "the preview server to stop");
    softly.assertThat(phpServers("1.7.4-")).isEmpty();
    softly.assertThat(stack.root.resolve(".thingyan/preview-server")).doesNotExist();
    softly.assertThat(Journal.step(steps, "preview_stop").map(Journal.Step::detail).orElse(""))
        .contains("stopped the preview server a stopped process left");
    softly.assertThat(run.state()).isEqualTo("failed");
    softly.assertThat(stack.current()).contains(before);
    assertSiteOn("1.7.0", softly);
    softly.assertAll();
  }

  // ------------------------------------------------------------------------------ the figures

  /**
   * bench/laravel.sh only: the same kinds of release with the preview off (the post-swap check
   * alone, as before) beside the runs above, and the time the preview adds to a good update.
   */
  @Test
  @Order(5)
  void benchmarkBesideThePreviewOff() {
    assumeTrue(Boolean.getBoolean("e2e.preview.bench"), "the figures run with -De2e.preview.bench=true");
    stack.github.publish(stack.releases.build("1.7.5", "1.7.1", false).forGitHub());
    Outcome boot = underLoad("github", "1.7.5");
    record("cannot_boot_1.7.5_preview_off", boot.process, boot.run, boot.steps, boot.load);
    stack.github.publish(stack.releases.build("1.7.6", "1.7.2", false).forGitHub());
    Outcome host = underLoad("github", "1.7.6");
    record("breaks_after_swap_1.7.6_preview_off", host.process, host.run, host.steps, host.load);
    String[][] good = {{"1.7.7", "github"}, {"1.7.8", "preview-link"}, {"1.7.9", "preview-command"}};
    for (String[] g : good) {
      stack.github.publish(stack.releases.build(g[0], "1.5.0", false).forGitHub());
      Proc.Result r = apply(g[1], g[0]);
      Journal.RunView run = journal.last();
      record("good_update_" + g[1].replace("github", "preview_off") + "_" + g[0], r, run, journal.steps(run.id()), null);
      assertThat(run.state()).as(r.out()).isEqualTo("completed");
    }
  }

  // ------------------------------------------------------------------------------ helpers

  record Outcome(Proc.Result process, Journal.RunView run, List<Journal.Step> steps, Load.Report load, Set<Path> currents) {}

  /** Applies under the issue-10 load (4 threads on the production URL), watching `current` meanwhile. */
  private static Outcome underLoad(String config, String version) {
    Set<Path> currents = ConcurrentHashMap.newKeySet();
    stack.current().ifPresent(currents::add);
    Thread watcher = new Thread(() -> {
      while (!Thread.currentThread().isInterrupted()) {
        try {
          stack.current().ifPresent(currents::add);
        } catch (RuntimeException e) {
          // a swap between exists and toRealPath: the next look sees it
        }
        LaravelStack.sleepQuietly(10);
      }
    }, "e2e-current-watcher");
    watcher.setDaemon(true);
    Load.Report load;
    Proc.Result r;
    try (Load l = new Load(stack, 4)) {
      watcher.start();
      LaravelStack.sleepQuietly(1500);
      r = apply(config, version);
      LaravelStack.sleepQuietly(1500);
      load = l.stop();
    } finally {
      watcher.interrupt();
    }
    Journal.RunView run = journal.last();
    return new Outcome(r, run, journal.steps(run.id()), load, Set.copyOf(currents));
  }

  private static Proc.Result apply(String config, String version) {
    return stack.thingyan(stack.config(config), "en", Map.of(), "apply", version);
  }

  /** php -S processes serving a release folder whose name starts with {@code releasePrefix}. */
  private static List<ProcessHandle> phpServers(String releasePrefix) {
    return ProcessHandle.allProcesses().filter(h -> h.info().commandLine().map(c -> c.contains(" -S 127.0.0.1:")
        && c.contains("/releases/" + releasePrefix)).orElse(false)).toList();
  }

  private static void assertSiteOn(String version, SoftAssertions softly) {
    LaravelStack.Answer health = stack.get("/health");
    softly.assertThat(health.status()).as(health.toString()).isEqualTo(200);
    softly.assertThat(health.version()).isEqualTo(version);
    softly.assertThat(stack.previewLink()).as("the preview link").doesNotExist();
    softly.assertThat(stack.laravelDown()).as("Laravel's down file").isFalse();
    softly.assertThat(stack.thingyanGateFlag()).as("thingyan's gate flag").isFalse();
  }

  private static void record(String name, Proc.Result process, Journal.RunView run, List<Journal.Step> steps,
      Load.Report load) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("run", run.id());
    m.put("end_state", run.state());
    m.put("process_ms", process.took().toMillis());
    Map<String, Long> perStep = Journal.millisPerStep(steps);
    m.put("ms_per_step", perStep);
    m.put("preview_ms", perStep.getOrDefault("preview_health", 0L));
    if (!steps.isEmpty() && steps.get(steps.size() - 1).ended() != null) {
      m.put("run_ms", steps.get(steps.size() - 1).ended().toEpochMilli() - steps.get(0).started().toEpochMilli());
    }
    Optional.ofNullable(load).ifPresent(l -> {
      m.put("requests", l.total());
      m.put("failed", l.failed().size());
      m.put("statuses", l.statuses());
      // a release that cannot boot answers 500 with no version header: every failure is its answer
      m.put("answered_by_broken_release", l.samples().stream()
          .filter(x -> !x.ok() || x.header().equals(run.target())).count());
    });
    METRICS.put(name, m);
    stack.log(name + ": " + m);
  }
}
