package dev.thingyan.domain.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.thingyan.ports.model.report.DeliveryPass;
import dev.thingyan.ports.model.report.DeliveryState;
import dev.thingyan.ports.model.report.TrackedIssue;
import dev.thingyan.ports.model.report.TrackedIssue.Status;
import dev.thingyan.ports.out.IssueTrackerException.Kind;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** GitHub says wait, is down, loses a response or refuses: nothing is lost, nothing is doubled. */
class DeliveryFailuresTest {
  private final DeliveryWorld world = new DeliveryWorld();

  @Test
  void aRateLimitStopsThePassAndNothingIsSentBeforeRetryAt() {
    for (String k : List.of("A", "B", "C")) {
      world.submit(k, "1.4.2");
    }
    world.tracker.thenSucceed("create").thenRateLimited("create", Duration.ofMinutes(10));

    DeliveryPass limited = world.deliver();
    Instant retryAt = world.tracker.calls().get(world.tracker.calls().size() - 1).at()
        .plus(Duration.ofMinutes(10));
    assertThat(limited.created()).isEqualTo(1);
    assertThat(limited.pausedUntil()).contains(retryAt);
    assertThat(limited.lastError()).isPresent();
    assertThat(world.outbox.deliveryState().pausedUntil()).contains(retryAt);
    assertThat(world.outbox.deliveryState().failures()).as("a rate limit is not a failure")
        .isZero();

    int callsSoFar = world.tracker.calls().size();
    world.clock.advance(Duration.ofMinutes(5));
    world.restart();
    DeliveryPass early = world.deliver();
    assertThat(world.tracker.calls()).as("nothing before retryAt").hasSize(callsSoFar);
    assertThat(early.pausedUntil()).contains(retryAt);

    world.clock.moveTo(retryAt);
    DeliveryPass resumed = world.deliver();
    assertThat(resumed.created()).isEqualTo(2);
    assertThat(world.tracker.calls().subList(callsSoFar, world.tracker.calls().size()))
        .allSatisfy(c -> assertThat(c.at()).isAfterOrEqualTo(retryAt));
    assertThat(world.tracker.issues()).hasSize(3);
    for (String k : List.of("A", "B", "C")) {
      assertThat(DeliveryWorld.told(world.issueOf(k))).isEqualTo(1);
    }
    assertThat(world.outbox.deliveryState().pausedUntil()).isEmpty();
    assertThat(world.outbox.deliveryState().failures()).isZero();
  }

  @Test
  void aRateLimitWithoutATimeWaitsAMinuteAndDoesNotGrowTheBackoff() {
    world.submit("A", "1.4.2");
    world.tracker.thenFail("create", Kind.UNAVAILABLE);
    // lists: the map rebuild, the look before the first create, then the look for the issue the
    // failed create may have made
    world.tracker.thenSucceed("list").thenSucceed("list").thenFail("list", Kind.RATE_LIMITED);
    world.deliver();
    assertThat(world.outbox.deliveryState().failures()).isEqualTo(1);

    DeliveryPass limited = world.deliver(Duration.ofSeconds(30));

    Instant limitedAt = world.tracker.calls().get(world.tracker.calls().size() - 1).at();
    assertThat(limited.pausedUntil()).contains(limitedAt.plusSeconds(60));
    assertThat(world.outbox.deliveryState().failures()).isEqualTo(1);
  }

  @Test
  void aPassWhoseDeadlineIsPastTheRateLimitWaitsAndResumes() {
    world.submit("A", "1.4.2");
    world.submit("B", "1.4.2");
    world.tracker.thenSucceed("create").thenRateLimited("create", Duration.ofSeconds(30));
    world.deliver();

    DeliveryPass waited = world.deliver(Duration.ofMinutes(2));

    assertThat(waited.created()).isEqualTo(1);
    assertThat(world.tracker.issues()).hasSize(2);
  }

  @Test
  void whileGitHubIsDownBackoffDoublesFromFiveSecondsToFifteenMinutesAndNothingIsLost() {
    world.tracker.down(true);
    world.submit("A", "1.4.2");
    List<Duration> waits = new ArrayList<>();
    int submitted = 1;
    for (int pass = 0; pass < 11; pass++) {
      DeliveryPass p = world.deliver(Duration.ofHours(1));
      Instant failedAt = world.tracker.calls().get(world.tracker.calls().size() - 1).at();
      assertThat(p.created()).isZero();
      waits.add(Duration.between(failedAt, p.pausedUntil().orElseThrow()));
      world.submit("A", "1.4.2");
      submitted++;
    }
    assertThat(waits).extracting(Duration::getSeconds)
        .containsExactly(5L, 10L, 20L, 40L, 80L, 160L, 320L, 640L, 900L, 900L, 900L);
    assertThat(world.tracker.calls()).as("one request per pass while down").hasSize(11);
    assertThat(world.outbox.deliveryState().failures()).isEqualTo(11);

    world.tracker.down(false);
    DeliveryPass back = world.deliver(Duration.ofHours(1));

    assertThat(back.created()).isEqualTo(1);
    assertThat(world.tracker.issues()).hasSize(1);
    assertThat(DeliveryWorld.told(world.issueOf("A"))).isEqualTo(submitted);
    DeliveryState after = world.outbox.deliveryState();
    assertThat(after.failures()).isZero();
    assertThat(after.pausedUntil()).isEmpty();
    assertThat(after.lastError()).isEmpty();
  }

  @Test
  void aPassThatWroteResetsTheBackoffEvenWhenItRanOutOfTime() {
    world.submit("A", "1.4.2");
    world.submit("B", "1.4.2");
    world.tracker.down(true);
    world.deliver();
    world.deliver(Duration.ofMinutes(1));
    assertThat(world.outbox.deliveryState().failures()).isEqualTo(2);

    world.tracker.down(false);
    world.clock.advance(Duration.ofMinutes(1));
    DeliveryPass one = world.deliver(Duration.ofMillis(500));
    assertThat(one.created()).isEqualTo(1);
    assertThat(one.pausedUntil()).isPresent();
    assertThat(world.outbox.deliveryState().failures()).isZero();
    assertThat(world.outbox.deliveryState().lastError()).isEmpty();

    world.tracker.down(true);
    world.clock.advance(Duration.ofSeconds(1));
    DeliveryPass failed = world.deliver();
    assertThat(failed.pausedUntil()).contains(world.clock.instant().plusSeconds(5));
  }

  @Test
  void aLostCreateResponseIsFoundByItsMarkerNeverCreatedTwice() {
    world.submit("A", "1.4.2");
    world.tracker.thenLoseCreateResponse();

    DeliveryPass lost = world.deliver();
    assertThat(lost.created()).isZero();
    assertThat(lost.pausedUntil()).isPresent();
    assertThat(world.outbox.issues(1).get(0).status()).isEqualTo(Status.CREATING);
    assertThat(world.tracker.issues()).as("GitHub did create it").hasSize(1);

    world.clock.advance(Duration.ofSeconds(6));
    world.deliver();

    assertThat(world.tracker.count("create")).isEqualTo(1);
    assertThat(world.tracker.issues()).hasSize(1);
    TrackedIssue row = world.outbox.issues(1).get(0);
    assertThat(row.status()).isEqualTo(Status.LINKED);
    assertThat(row.issueNumber()).hasValue(world.tracker.issues().get(0).number);
    assertThat(world.audit.actions()).containsExactly("created");
  }

  @Test
  void occurrencesAfterALostCreateAreStillToldOnceTheIssueIsFound() {
    world.submit("A", "1.4.2");
    world.submit("A", "1.4.2");
    world.tracker.thenLoseCreateResponse();
    world.deliver();
    for (int i = 0; i < 3; i++) {
      world.submit("A", "1.4.2");
    }

    world.clock.advance(Duration.ofSeconds(6));
    world.deliver();

    TrackedIssue row = world.outbox.issues(1).get(0);
    assertThat(row.status()).isEqualTo(Status.LINKED);
    assertThat(row.occurrences()).isEqualTo(5);
    assertThat(row.unreported()).as("the body told 2 of 5").isEqualTo(3);
  }

  @Test
  void aCreateFailingTwiceIsStillCreatedOnce() {
    world.submit("A", "1.4.2");
    world.tracker.thenFail("create", Kind.UNAVAILABLE).thenFail("create", Kind.UNAVAILABLE);
    for (int i = 0; i < 3; i++) {
      world.deliver(Duration.ofMinutes(5));
    }
    assertThat(world.tracker.issues()).hasSize(1);
    assertThat(world.tracker.count("create")).isEqualTo(3);
    assertThat(world.tracker.count("list")).as("looked for the issue before each retry")
        .isGreaterThanOrEqualTo(2);
    assertThat(world.outbox.issues(1).get(0).createAttempts()).isEqualTo(3);
  }

  @Test
  void aRefusedCreateRejectsThatFingerprintOnlyUntilAnAdminRetries() {
    for (String k : List.of("A", "B", "C")) {
      world.submit(k, "1.4.2", 2);
    }
    world.tracker.rejectCreates(i -> i.title().contains("Failure B"));

    DeliveryPass pass = world.deliver();
    assertThat(pass.created()).isEqualTo(2);
    assertThat(pass.lastError()).isEmpty();
    assertThat(world.reports.issues(10)).filteredOn(t -> t.status() == Status.REJECTED)
        .singleElement().satisfies(t -> assertThat(t.lastError()).isPresent());

    world.submit("B", "1.4.2", 3);
    world.clock.advance(Duration.ofHours(2));
    world.deliver();
    assertThat(world.tracker.count("create")).as("no second create after a 4xx").isEqualTo(3);
    assertThat(world.outbox.stats().rejected()).isEqualTo(5);
    assertThat(world.outbox.stats().pending()).isZero();

    world.tracker.rejectCreates(i -> false);
    assertThat(world.reports.retryRejected()).isEqualTo(1);
    assertThat(world.deliver().created()).isEqualTo(1);
    assertThat(DeliveryWorld.told(world.issueOf("B"))).isEqualTo(5);
    assertThat(world.outbox.stats().rejected()).isZero();
  }

  @Test
  void aCommentWhoseAnswerWasLostIsFoundByItsMarkerNeverPostedTwice() {
    world.submit("A", "1.4.2");
    world.deliver();
    world.submit("A", "1.4.2", 2);
    world.clock.advance(Duration.ofHours(1));
    world.tracker.thenLoseCommentResponse();

    DeliveryPass lost = world.deliver();
    assertThat(lost.lastError()).isPresent();
    assertThat(world.tracker.issues().get(0).comments).as("GitHub did store it").hasSize(1);
    assertThat(world.outbox.issues(1).get(0).unreported()).isEqualTo(2);

    world.submit("A", "1.4.2");
    world.clock.advance(Duration.ofHours(1));
    world.deliver();

    assertThat(world.tracker.count("comment")).as("the lost one is not posted again").isEqualTo(1);
    TrackedIssue row = world.outbox.issues(1).get(0);
    assertThat(row.unreported()).as("the lost comment told 2 of 3; the third waits").isEqualTo(1);

    world.clock.advance(Duration.ofHours(1));
    world.deliver();
    assertThat(world.tracker.count("comment")).isEqualTo(2);
    assertThat(world.tracker.issues().get(0).comments.get(1)).contains("**1 more occurrence**")
        .contains(":4 -->");
    assertThat(world.outbox.issues(1).get(0).unreported()).isZero();
  }

  @Test
  void aRefusedCommentCountsAsToldSoOneLockedIssueDoesNotBlockTheOthers() {
    world.submit("A", "1.4.2");
    world.submit("B", "1.4.2");
    world.deliver();
    world.submit("A", "1.4.2", 2);
    world.submit("B", "1.4.2", 2);
    world.clock.advance(Duration.ofHours(1));
    world.tracker.thenFail("comment", Kind.REJECTED);

    DeliveryPass pass = world.deliver();

    assertThat(pass.lastError()).isEmpty();
    assertThat(world.tracker.count("comment")).isEqualTo(2);
    assertThat(world.outbox.stats().unreported()).isZero();
  }

  @Test
  void aBadTokenBacksOffLikeAnOutage() {
    world.submit("A", "1.4.2");
    world.tracker.thenFail("list", Kind.UNAUTHORIZED);
    DeliveryPass pass = world.deliver();
    assertThat(pass.lastError()).hasValueSatisfying(e -> assertThat(e).contains("401"));
    assertThat(pass.pausedUntil()).contains(world.clock.instant().plusSeconds(5));
    assertThat(world.tracker.writes()).isEmpty();
  }
}
