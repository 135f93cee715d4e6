package dev.thingyan.adapter.jdbc.journal;

import dev.thingyan.ports.model.Version;
import dev.thingyan.ports.model.report.Occurrences;
import dev.thingyan.ports.model.report.QueuedReport;
import dev.thingyan.ports.model.report.TrackedIssue;
import dev.thingyan.ports.out.ReportOutbox;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** What the outbox contract tests share: the outbox and short ways to fill it. */
interface OutboxFixture extends JournalFixture {

  String TITLE = "Folio total is negative";

  default ReportOutbox outbox() {
    return journal().reportOutbox();
  }

  /**
   * Enqueues one bare report per version, one second apart on the test clock.
   *
   * @return their ids
   */
  default List<Long> enqueue(String fingerprint, String... versions) {
    List<Long> ids = new ArrayList<>();
    for (String v : versions) {
      ids.add(outbox().enqueue(fingerprint, OutboxReports.bare(v), clock().instant()));
      clock().advance(Duration.ofSeconds(1));
    }
    return ids;
  }

  /** Folds every pending report of {@code fingerprint}, as the delivery worker would. */
  default TrackedIssue foldPending(String fingerprint) {
    List<QueuedReport> group =
        outbox().pending(10_000).stream().filter(r -> r.fingerprint().equals(fingerprint)).toList();
    return outbox().fold(fingerprint, TITLE, group.stream().map(QueuedReport::id).toList(),
        occurrences(group));
  }

  static Occurrences occurrences(List<QueuedReport> group) {
    Instant first = group.stream().map(QueuedReport::acceptedAt).min(Comparator.naturalOrder())
        .orElseThrow();
    Instant last = group.stream().map(QueuedReport::acceptedAt).max(Comparator.naturalOrder())
        .orElseThrow();
    Optional<Version> max = group.stream().flatMap(r -> r.report().appVersion().stream())
        .max(Comparator.naturalOrder());
    return new Occurrences(group.size(), first, last, max, group.get(group.size() - 1).id());
  }

  /** Folded, created and linked with every occurrence reported: unreported is 0. */
  default TrackedIssue linkedIssue(String fingerprint, long number, String... versions) {
    enqueue(fingerprint, versions);
    foldPending(fingerprint);
    outbox().creating(fingerprint, clock().instant());
    outbox().linked(fingerprint, number, false, true, clock().instant());
    return outbox().issue(fingerprint).orElseThrow();
  }
}
