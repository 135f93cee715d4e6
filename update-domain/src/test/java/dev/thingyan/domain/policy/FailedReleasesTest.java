package dev.thingyan.domain.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.thingyan.ports.model.FailedRelease;
import dev.thingyan.ports.model.Release;
import dev.thingyan.ports.model.Run;
import dev.thingyan.ports.model.RunState;
import dev.thingyan.ports.model.Version;
import java.nio.file.Path;
import dev.thingyan.ports.model.RunId;
import dev.thingyan.ports.model.StepOutcome;
import dev.thingyan.ports.model.StepRecord;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FailedReleasesTest {

  private final Map<RunId, List<StepRecord>> steps = new HashMap<>();

  /** An attempt; one that ended badly did so because its health check failed. */
  private Run attempt(String version, RunState state, int day) {
    return attempt(version, state, day, "health", Optional.of(StepOutcome.FAILED));
  }

  /** An attempt whose last step is {@code step}, ended with {@code outcome} (empty: interrupted). */
  private Run attempt(String version, RunState state, int day, String step, Optional<StepOutcome> outcome) {
    Run r = ReleaseRetentionTest.run(Path.of("/srv/pms/releases/" + version + "-" + day), state, day);
    List<StepRecord> list = new ArrayList<>();
    list.add(step(r, "download", Optional.of(StepOutcome.SUCCEEDED)));
    list.add(step(r, step, outcome));
    steps.put(r.id(), list);
    return r;
  }

  private static StepRecord step(Run r, String name, Optional<StepOutcome> outcome) {
    return new StepRecord(r.id(), name, r.startedAt(), outcome.map(o -> r.startedAt().plusSeconds(1)), outcome,
        Optional.empty());
  }

  private List<FailedRelease> failed(List<Run> runs) {
    return FailedReleases.of(runs, id -> steps.getOrDefault(id, List.of()));
  }

  private static Release release(String tag, boolean pre) {
    return new Release(Version.parse(tag), tag, tag, "", pre, false, Optional.empty(), List.of());
  }

  private static List<Version> versions(List<FailedRelease> failed) {
    return failed.stream().map(FailedRelease::version).toList();
  }

  @Test
  void aVersionWhoseLatestInstallationFailedOrWhoseRollbackFailedIsRemembered() {
    List<Run> runs = List.of(attempt("1.2.0", RunState.FAILED, 3), attempt("1.3.0", RunState.ROLLBACK_FAILED, 4),
        attempt("1.1.0", RunState.COMPLETED, 2));

    List<FailedRelease> failed = failed(runs);

    assertThat(versions(failed)).containsExactly(Version.parse("1.3.0"), Version.parse("1.2.0"));
    assertThat(failed.get(1).endedAs()).isEqualTo(RunState.FAILED);
    assertThat(failed.get(1).failedAt()).isEqualTo(runs.get(0).updatedAt());
    assertThat(failed.get(0).endedAs()).isEqualTo(RunState.ROLLBACK_FAILED);
  }

  /**
   * Every sequence of up to three attempts at one version, each completed, failed in its health
   * check, rollback_failed after it, failed after the process was killed, or still running: the
   * newest conclusive attempt decides.
   */
  @Test
  void theNewestConclusiveAttemptDecidesWalkedExhaustively() {
    String[] kinds = {"completed", "health-failed", "rollback-failed", "killed", "running"};
    for (int len = 0; len <= 3; len++) {
      for (int code = 0; code < Math.pow(kinds.length, len); code++) {
        List<Run> runs = new ArrayList<>();
        List<String> seq = new ArrayList<>();
        int c = code;
        for (int day = 0; day < len; day++) {
          String kind = kinds[c % kinds.length];
          c /= kinds.length;
          seq.add(kind);
          runs.add(switch (kind) {
            case "completed" -> attempt("1.2.0", RunState.COMPLETED, day, "health", Optional.of(StepOutcome.SUCCEEDED));
            case "health-failed" -> attempt("1.2.0", RunState.FAILED, day);
            case "rollback-failed" -> attempt("1.2.0", RunState.ROLLBACK_FAILED, day);
            case "killed" -> attempt("1.2.0", RunState.FAILED, day, "migrate", Optional.empty());
            default -> attempt("1.2.0", RunState.HEALTH_CHECK, day, "health", Optional.empty());
          });
        }
        List<String> conclusive = seq.stream()
            .filter(k -> k.equals("completed") || k.equals("health-failed") || k.equals("rollback-failed")).toList();
        boolean expected = !conclusive.isEmpty() && !conclusive.get(conclusive.size() - 1).equals("completed");
        java.util.Collections.reverse(runs); // the journal lists them newest first; order must not matter
        assertThat(failed(runs)).as(seq.toString()).hasSize(expected ? 1 : 0);
      }
    }
  }

  @Test
  void anAttemptThatStoppedForAnotherReasonSaysNothingAboutTheRelease() {
    Run killed = attempt("1.2.0", RunState.FAILED, 3, "extract", Optional.empty());
    Run offline = attempt("1.2.1", RunState.FAILED, 4, "download", Optional.of(StepOutcome.FAILED));
    Run sharedBroken = attempt("1.2.2", RunState.ROLLBACK_FAILED, 5, "link_shared", Optional.of(StepOutcome.FAILED));
    assertThat(failed(List.of(killed, offline, sharedBroken))).isEmpty();

    Run bad = attempt("1.2.0", RunState.FAILED, 1, "migrate", Optional.of(StepOutcome.FAILED));
    assertThat(versions(failed(List.of(killed, bad)))).as("an inconclusive later attempt does not clear a failure")
        .containsExactly(Version.parse("1.2.0"));
    assertThat(failed(List.of(bad, attempt("1.2.0", RunState.COMPLETED, 6)))).as("a later completed one does").isEmpty();
  }

  @Test
  void theAutomaticChoicePassesOverAFailedVersionUntilANewerOneAppears() {
    List<FailedRelease> failed = failed(List.of(attempt("1.2.0", RunState.FAILED, 3)));
    Optional<Version> current = Optional.of(Version.parse("1.1.0"));

    ReleaseSelection.Choice onlyBad = ReleaseSelection.newest(
        List.of(release("v1.1.0", false), release("v1.2.0", false)), current, false, failed);
    assertThat(onlyBad.release()).isEmpty();
    assertThat(versions(onlyBad.passedOver())).containsExactly(Version.parse("1.2.0"));

    ReleaseSelection.Choice newer = ReleaseSelection.newest(
        List.of(release("v1.2.0", false), release("v1.3.0", false)), current, false, failed);
    assertThat(newer.release()).map(Release::tag).contains("v1.3.0");
    assertThat(newer.passedOver()).as("1.2.0 is older than the choice: nothing was passed over").isEmpty();

    ReleaseSelection.Choice none = ReleaseSelection.newest(
        List.of(release("v1.2.0", false)), Optional.of(Version.parse("1.2.0")), false, failed);
    assertThat(none.release()).isEmpty();
    assertThat(none.passedOver()).as("not newer than what serves").isEmpty();
  }

  @Test
  void anUntriedOlderReleaseIsOfferedWhenTheNewestFailedAndPreReleasesStayOptIn() {
    List<FailedRelease> failed = failed(List.of(attempt("1.3.0", RunState.ROLLBACK_FAILED, 3)));
    List<Release> all = List.of(release("v1.2.0", false), release("v1.3.0", false), release("v1.4.0-rc.1", true));

    ReleaseSelection.Choice choice = ReleaseSelection.newest(all, Optional.of(Version.parse("1.1.0")), false, failed);
    assertThat(choice.release()).map(Release::tag).contains("v1.2.0");
    assertThat(versions(choice.passedOver())).containsExactly(Version.parse("1.3.0"));

    assertThat(ReleaseSelection.newest(all, Optional.of(Version.parse("1.1.0")), true, failed).release())
        .map(Release::tag).contains("v1.4.0-rc.1");
    assertThat(ReleaseSelection.newest(all, Optional.of(Version.parse("1.1.0")), false, List.of()).release())
        .map(Release::tag).contains("v1.3.0");
  }

  @Test
  void statusListsOnlyFailedVersionsNewerThanTheCurrentOne() {
    List<FailedRelease> failed = failed(List.of(attempt("1.2.0", RunState.FAILED, 3),
        attempt("1.0.5", RunState.FAILED, 1)));
    assertThat(versions(FailedReleases.newerThan(failed, Optional.of(Version.parse("1.1.0")))))
        .containsExactly(Version.parse("1.2.0"));
    assertThat(FailedReleases.newerThan(failed, Optional.empty())).hasSize(2);
  }
}
