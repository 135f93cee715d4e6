package dev.thingyan.domain.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.thingyan.ports.model.FailedRelease;
import dev.thingyan.ports.model.Release;
import dev.thingyan.ports.model.Run;
import dev.thingyan.ports.model.RunState;
import dev.thingyan.ports.model.Version;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FailedReleasesTest {

  private static Run attempt(String version, RunState state, int day) {
    return ReleaseRetentionTest.run(Path.of("/srv/pms/releases/" + version + "-" + day), state, day);
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

    List<FailedRelease> failed = FailedReleases.of(runs);

    assertThat(versions(failed)).containsExactly(Version.parse("1.3.0"), Version.parse("1.2.0"));
    assertThat(failed.get(1).endedAs()).isEqualTo(RunState.FAILED);
    assertThat(failed.get(1).failedAt()).isEqualTo(runs.get(0).updatedAt());
    assertThat(failed.get(0).endedAs()).isEqualTo(RunState.ROLLBACK_FAILED);
  }

  /** Every sequence of up to three attempts at one version: its newest ended attempt decides. */
  @Test
  void theNewestEndedAttemptDecidesWalkedExhaustively() {
    RunState[] states = {RunState.COMPLETED, RunState.FAILED, RunState.ROLLBACK_FAILED, RunState.HEALTH_CHECK};
    for (int len = 0; len <= 3; len++) {
      for (int code = 0; code < Math.pow(states.length, len); code++) {
        List<Run> runs = new ArrayList<>();
        int c = code;
        for (int day = 0; day < len; day++) {
          runs.add(attempt("1.2.0", states[c % states.length], day));
          c /= states.length;
        }
        List<Run> ended = runs.stream().filter(r -> r.state().isEnding()).toList();
        boolean expected = !ended.isEmpty() && ended.get(ended.size() - 1).state() != RunState.COMPLETED;
        java.util.Collections.reverse(runs); // the journal lists them newest first; order must not matter
        assertThat(FailedReleases.of(runs)).as(runs.stream().map(Run::state).toList().toString())
            .hasSize(expected ? 1 : 0);
      }
    }
  }

  @Test
  void theAutomaticChoicePassesOverAFailedVersionUntilANewerOneAppears() {
    List<FailedRelease> failed = FailedReleases.of(List.of(attempt("1.2.0", RunState.FAILED, 3)));
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
    List<FailedRelease> failed = FailedReleases.of(List.of(attempt("1.3.0", RunState.ROLLBACK_FAILED, 3)));
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
    List<FailedRelease> failed = FailedReleases.of(List.of(attempt("1.2.0", RunState.FAILED, 3),
        attempt("1.0.5", RunState.FAILED, 1)));
    assertThat(versions(FailedReleases.newerThan(failed, Optional.of(Version.parse("1.1.0")))))
        .containsExactly(Version.parse("1.2.0"));
    assertThat(FailedReleases.newerThan(failed, Optional.empty())).hasSize(2);
  }
}
