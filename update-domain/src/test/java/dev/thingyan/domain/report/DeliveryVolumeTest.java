package dev.thingyan.domain.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.thingyan.ports.model.report.DeliveryPass;
import dev.thingyan.ports.model.report.TrackedIssue;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A crash loop must not become hundreds of issues or comments: one issue per fingerprint, at most
 * one comment per interval, and every occurrence told to GitHub exactly once.
 */
class DeliveryVolumeTest {
  private final DeliveryWorld world = new DeliveryWorld();

  @Test
  void tenThousandIdenticalReportsOverHoursMakeOneIssueAndHourlyComments() {
    Duration every = Duration.ofMillis(1_800); // 10,000 reports over 5 hours
    for (int i = 0; i < 10_000; i++) {
      world.clock.advance(every);
      world.submit("A", "1.4.2");
      if (i % 20 == 0) {
        world.deliver(Duration.ofSeconds(10));
      }
    }
    world.clock.advance(Duration.ofHours(1));
    world.deliver();

    assertThat(world.tracker.count("create")).isEqualTo(1);
    FakeTracker.Issue issue = world.issueOf("A");
    assertThat(DeliveryWorld.told(issue)).isEqualTo(10_000);
    List<Instant> commentTimes = world.tracker.writes().stream()
        .filter(c -> c.op().equals("comment")).map(FakeTracker.Call::at).toList();
    assertThat(commentTimes).hasSize(issue.comments.size()).hasSizeBetween(5, 6);
    Instant previous = world.tracker.writes().get(0).at();
    for (Instant t : commentTimes) {
      assertThat(Duration.between(previous, t)).isGreaterThanOrEqualTo(Duration.ofHours(1));
      previous = t;
    }
    TrackedIssue row = world.outbox.issues(1).get(0);
    assertThat(row.occurrences()).isEqualTo(10_000);
    assertThat(row.unreported()).isZero();
    assertThat(world.outbox.stats().pending()).isZero();
  }

  @Test
  void tenFingerprintsTimesAThousandMakeTenIssuesInTenWrites() {
    for (int i = 0; i < 10_000; i++) {
      world.submit(kind(i % 10), "1.4.2");
    }
    DeliveryPass pass = world.deliver();

    assertThat(pass.folded()).isEqualTo(10_000);
    assertThat(pass.created()).isEqualTo(10);
    assertThat(pass.writes()).isEqualTo(10);
    assertThat(world.tracker.writes()).hasSize(10);
    for (int k = 0; k < 10; k++) {
      assertThat(DeliveryWorld.told(world.issueOf(kind(k)))).isEqualTo(1_000);
    }
    world.assertWritesSpacedBy(Duration.ofSeconds(1));

    world.clock.advance(Duration.ofHours(2));
    assertThat(world.deliver().writes()).as("nothing is left to tell").isZero();
    assertThat(world.tracker.writes()).hasSize(10);
  }

  @Test
  void tenFingerprintsSpreadOverFiveHoursCostAtMostOneWritePerFingerprintAndHour() {
    for (int i = 0; i < 10_000; i++) {
      world.clock.advance(Duration.ofMillis(1_800));
      world.submit(kind(i % 10), "1.4.2");
      if (i % 50 == 0) {
        world.deliver(Duration.ofSeconds(30));
      }
    }
    world.clock.advance(Duration.ofHours(1));
    world.deliver();

    assertThat(world.tracker.count("create")).isEqualTo(10);
    long total = 0;
    for (int k = 0; k < 10; k++) {
      total += DeliveryWorld.told(world.issueOf(kind(k)));
    }
    assertThat(total).isEqualTo(10_000);
    // 10 creates, then per fingerprint one comment an hour for 5 hours and one to flush
    assertThat(world.tracker.writes()).hasSizeLessThanOrEqualTo(10 + 10 * 6);
    world.assertWritesSpacedBy(Duration.ofSeconds(1));
  }

  static String kind(int k) {
    return String.valueOf((char) ('A' + k));
  }
}
