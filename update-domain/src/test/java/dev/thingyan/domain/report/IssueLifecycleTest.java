package dev.thingyan.domain.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.thingyan.ports.model.report.DeliveryPass;
import dev.thingyan.ports.model.report.DeliveryState;
import dev.thingyan.ports.model.report.NewIssue;
import dev.thingyan.ports.model.report.TrackedIssue;
import dev.thingyan.ports.model.report.TrackedIssue.Status;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What people do to issues on GitHub: close them, delete them, and lose the local map. */
class IssueLifecycleTest {
  private final DeliveryWorld world = new DeliveryWorld();

  private FakeTracker.Issue filedAndClosed(String version) {
    world.submit("A", version);
    world.deliver();
    FakeTracker.Issue issue = world.issueOf("A");
    world.tracker.close(issue.number);
    return issue;
  }

  @Test
  void aClosedIssueThatRecursInANewerVersionIsReopenedWithAComment() {
    FakeTracker.Issue issue = filedAndClosed("1.4.2");
    world.submit("A", "1.5.0", 3);
    world.clock.advance(Duration.ofHours(1));

    DeliveryPass pass = world.deliver();

    assertThat(pass.reopened()).isEqualTo(1);
    assertThat(pass.commented()).isEqualTo(1);
    assertThat(issue.open).isTrue();
    assertThat(issue.comments).singleElement().satisfies(c -> assertThat(c)
        .startsWith("Reopened by thingyan")
        .contains("`1.5.0`", "`1.4.2`", "**3 more occurrences**"));
    List<String> order = world.tracker.writes().stream().map(FakeTracker.Call::op).toList();
    assertThat(order).containsExactly("create", "reopen", "comment");
    TrackedIssue row = world.outbox.issues(1).get(0);
    assertThat(row.closed()).isFalse();
    assertThat(row.reportedVersion()).hasValueSatisfying(v -> assertThat(v).hasToString("1.5.0"));
    assertThat(world.audit.actions()).containsExactly("created", "reopened");
    assertThat(DeliveryWorld.told(issue)).isEqualTo(4);
  }

  @Test
  void aClosedIssueThatRecursInTheSameVersionOnlyGetsAComment() {
    FakeTracker.Issue issue = filedAndClosed("1.4.2");
    world.submit("A", "1.4.2", 2);
    world.submit("A", "1.4.1", 1);
    world.clock.advance(Duration.ofHours(1));

    DeliveryPass pass = world.deliver();

    assertThat(pass.reopened()).isZero();
    assertThat(world.tracker.count("reopen")).isZero();
    assertThat(issue.open).isFalse();
    assertThat(issue.comments).singleElement()
        .satisfies(c -> assertThat(c).startsWith("**3 more occurrences**"));
    assertThat(world.outbox.issues(1).get(0).closed()).as("the map remembers it is closed")
        .isTrue();
  }

  @Test
  void aReopenedIssueClosedAgainIsReopenedOnlyByAnEvenNewerVersion() {
    FakeTracker.Issue issue = filedAndClosed("1.4.2");
    world.submit("A", "1.5.0");
    world.clock.advance(Duration.ofHours(1));
    world.deliver();
    world.tracker.close(issue.number);

    world.submit("A", "1.5.0");
    world.clock.advance(Duration.ofHours(1));
    world.deliver();
    assertThat(issue.open).as("1.5.0 was told already").isFalse();

    world.submit("A", "1.6.0");
    world.clock.advance(Duration.ofHours(1));
    world.deliver();
    assertThat(issue.open).isTrue();
    assertThat(world.tracker.count("reopen")).isEqualTo(2);
    assertThat(DeliveryWorld.told(issue)).isEqualTo(4);
  }

  @Test
  void aReopenAndItsCommentGoInTheSamePassOrNeither() {
    FakeTracker.Issue issue = filedAndClosed("1.4.2");
    world.submit("A", "1.5.0");
    world.clock.advance(Duration.ofHours(1));

    DeliveryPass tooShort = world.deliver(Duration.ofMillis(500));
    assertThat(tooShort.writes()).isZero();
    assertThat(issue.open).isFalse();

    world.deliver();
    assertThat(issue.open).isTrue();
    assertThat(issue.comments).singleElement()
        .satisfies(c -> assertThat(c).startsWith("Reopened by thingyan"));
  }

  @Test
  void aReopenGitHubRefusesStillLetsTheCommentThrough() {
    FakeTracker.Issue issue = filedAndClosed("1.4.2");
    world.submit("B", "1.4.2");
    world.deliver();
    world.submit("A", "1.5.0", 2);
    world.submit("B", "1.4.2", 2);
    world.clock.advance(Duration.ofHours(1));
    world.tracker.thenFail("reopen", dev.thingyan.ports.out.IssueTrackerException.Kind.REJECTED);

    DeliveryPass pass = world.deliver();

    assertThat(pass.lastError()).isEmpty();
    assertThat(issue.open).isFalse();
    assertThat(issue.comments).singleElement()
        .satisfies(c -> assertThat(c).startsWith("**2 more occurrences**"));
    assertThat(world.issueOf("B").comments).hasSize(1);
    assertThat(world.outbox.stats().unreported()).isZero();
    world.submit("A", "1.5.0");
    world.clock.advance(Duration.ofHours(1));
    world.deliver();
    assertThat(world.tracker.count("reopen")).as("not tried again for the same version")
        .isEqualTo(1);
  }

  @Test
  void aDeletedIssueIsUnlinkedAndFiledAgainWithEveryOccurrence() {
    world.submit("A", "1.4.2");
    world.deliver();
    FakeTracker.Issue first = world.issueOf("A");
    world.tracker.delete(first.number);
    world.submit("A", "1.4.2", 2);
    world.clock.advance(Duration.ofHours(1));

    DeliveryPass pass = world.deliver();

    assertThat(pass.created()).isEqualTo(1);
    FakeTracker.Issue second = world.issueOf("A");
    assertThat(second.number).isNotEqualTo(first.number);
    assertThat(DeliveryWorld.told(second)).isEqualTo(3);
    TrackedIssue row = world.outbox.issues(1).get(0);
    assertThat(row.status()).isEqualTo(Status.LINKED);
    assertThat(row.issueNumber()).hasValue(second.number);
    assertThat(row.unreported()).isZero();
  }

  @Test
  void aLostMapIsRebuiltFromTheMarkersWithoutDuplicates() {
    for (String k : List.of("A", "B", "C")) {
      world.submit(k, "1.4.2");
    }
    world.deliver();
    assertThat(world.tracker.issues()).hasSize(3);
    world.tracker.close(world.issueOf("C").number);

    // the journal is gone: a new outbox, the same GitHub, the same errors keep coming
    DeliveryWorld after = world.withLostJournal();
    FakeTracker tracker = world.tracker;
    for (String k : List.of("A", "B", "C")) {
      after.submit(k, "1.4.2");
      after.submit(k, "1.4.2");
    }
    DeliveryPass pass = after.deliver();

    assertThat(pass.created()).isZero();
    assertThat(tracker.count("create")).isEqualTo(3);
    assertThat(tracker.issues()).hasSize(3);
    for (String k : List.of("A", "B", "C")) {
      FakeTracker.Issue issue = world.issueOf(k);
      TrackedIssue row = after.outbox.issueByNumber(issue.number).orElseThrow();
      assertThat(row.status()).isEqualTo(Status.LINKED);
      assertThat(row.closed()).isEqualTo(!issue.open);
      assertThat(DeliveryWorld.told(issue)).as("the new occurrences are told once").isEqualTo(3);
    }
    assertThat(after.outbox.deliveryState().mapRebuiltAt()).isPresent();
  }

  @Test
  void aJournalRestoredFromBeforeTheIssueWasFiledDoesNotFileItAgain() {
    world.submit("A", "1.4.2");
    world.deliver();
    assertThat(world.tracker.issues()).hasSize(1);

    // an older copy of the journal: its map was rebuilt once, long ago, and knows nothing of A
    DeliveryWorld restored = world.withLostJournal();
    restored.outbox.saveDeliveryState(new DeliveryState(Optional.empty(), 0, Optional.empty(),
        Optional.empty(), Optional.of(DeliveryWorld.T0)));
    restored.submit("A", "1.4.2");
    restored.clock.advance(Duration.ofHours(2));
    restored.deliver();

    assertThat(world.tracker.count("create")).isEqualTo(1);
    assertThat(world.tracker.issues()).hasSize(1);
    TrackedIssue row = restored.outbox.issues(1).get(0);
    assertThat(row.status()).isEqualTo(Status.LINKED);
    assertThat(row.issueNumber()).hasValue(world.issueOf("A").number);
  }

  @Test
  void rebuildingLinksTheLowestNumberedIssueAndKeepsWhatTheMapKnows() {
    world.submit("A", "1.4.2");
    world.deliver();
    long a = world.issueOf("A").number;
    String fpA = world.outbox.issueByNumber(a).orElseThrow().fingerprint();
    String fpB = "b".repeat(64);
    String marker = "\n" + IssueComposer.marker(fpB) + "\n";
    long firstB = world.tracker.file(new NewIssue("B by hand", "first" + marker,
        DeliveryWorld.LABELS));
    world.tracker.file(new NewIssue("B again", "second" + marker, DeliveryWorld.LABELS));
    world.tracker.file(new NewIssue("A copy", "copy\n" + IssueComposer.marker(fpA),
        DeliveryWorld.LABELS));
    world.tracker.file(new NewIssue("unlabelled", "x" + IssueComposer.marker("c".repeat(64)),
        List.of("question")));

    int linked = world.reports.rebuildMap();

    assertThat(linked).isEqualTo(1);
    assertThat(world.outbox.issue(fpB).orElseThrow().issueNumber()).hasValue(firstB);
    assertThat(world.outbox.issue(fpA).orElseThrow().issueNumber()).hasValue(a);
    assertThat(world.outbox.issue("c".repeat(64))).isEmpty();
  }
}
