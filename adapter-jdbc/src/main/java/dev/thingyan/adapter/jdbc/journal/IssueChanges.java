package dev.thingyan.adapter.jdbc.journal;

import dev.thingyan.ports.model.Version;
import dev.thingyan.ports.model.report.TrackedIssue;
import dev.thingyan.ports.model.report.TrackedIssue.Status;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What each event of delivery does to a map row, as functions from the row before to the row
 * after; {@link JdbiReportOutbox} reads, applies and writes them in one transaction.
 */
final class IssueChanges {

  /** One report being folded, as its outbox row holds it. */
  record Folded(long id, Instant acceptedAt, Optional<Version> appVersion) {}

  private IssueChanges() {}

  /** A row for a fingerprint seen for the first time, with no occurrences yet. */
  static TrackedIssue fresh(String fingerprint, String title, Instant at) {
    return new TrackedIssue(fingerprint, Status.NEW, OptionalLong.empty(), false,
        title.length() > 1024 ? title.substring(0, 1024) : title, 0, 0, at, at,
        Optional.empty(), Optional.empty(), Optional.empty(), 0, 0, Optional.empty());
  }

  static TrackedIssue fold(TrackedIssue t, List<Folded> reports) {
    Draft d = new Draft(t);
    for (Folded r : reports) {
      boolean none = d.occurrences == 0;
      d.firstSeen = none || r.acceptedAt().isBefore(d.firstSeen) ? r.acceptedAt() : d.firstSeen;
      d.lastSeen = none || r.acceptedAt().isAfter(d.lastSeen) ? r.acceptedAt() : d.lastSeen;
      d.maxVersion = newer(d.maxVersion, r.appVersion());
      d.latestReportId = Math.max(d.latestReportId, r.id());
      d.occurrences++;
      d.unreported++;
    }
    return d.build();
  }

  static TrackedIssue creating(TrackedIssue t) {
    Draft d = new Draft(t);
    d.status = Status.CREATING;
    d.createAttempts++;
    return d.build();
  }

  static TrackedIssue linked(TrackedIssue t, long number, boolean closed, boolean reported,
      Instant at) {
    Draft d = new Draft(t);
    d.status = Status.LINKED;
    d.issueNumber = OptionalLong.of(number);
    d.closed = closed;
    d.lastError = Optional.empty();
    if (reported) {
      d.unreported = 0;
      d.reportedVersion = d.maxVersion;
      d.lastReportedAt = Optional.of(at);
    }
    return d.build();
  }

  static TrackedIssue reported(TrackedIssue t, long count, Optional<Version> upTo,
      boolean closed, Instant at) {
    Draft d = new Draft(t);
    d.unreported = Math.max(0, d.unreported - Math.max(0, count));
    d.reportedVersion = newer(d.reportedVersion, upTo);
    d.closed = closed;
    d.lastReportedAt = Optional.of(at);
    return d.build();
  }

  static TrackedIssue failed(TrackedIssue t, String error) {
    Draft d = new Draft(t);
    d.lastError = Optional.of(error);
    return d.build();
  }

  static TrackedIssue rejected(TrackedIssue t, String error) {
    Draft d = new Draft(t);
    d.status = Status.REJECTED;
    d.lastError = Optional.of(error);
    return d.build();
  }

  /** The issue is gone: everything about it is forgotten, every occurrence is news again. */
  static TrackedIssue unlinked(TrackedIssue t, String why) {
    Draft d = new Draft(t);
    d.status = Status.NEW;
    d.issueNumber = OptionalLong.empty();
    d.closed = false;
    d.unreported = d.occurrences;
    d.reportedVersion = Optional.empty();
    d.lastReportedAt = Optional.empty();
    d.createAttempts = 0;
    d.lastError = Optional.of(why);
    return d.build();
  }

  private static Optional<Version> newer(Optional<Version> a, Optional<Version> b) {
    if (a.isEmpty()) return b;
    if (b.isEmpty()) return a;
    return b.get().compareTo(a.get()) > 0 ? b : a;
  }

  /** A row being changed; the record's compact constructor checks the result. */
  private static final class Draft {
    final String fingerprint;
    final String title;
    Status status;
    OptionalLong issueNumber;
    boolean closed;
    long occurrences;
    long unreported;
    Instant firstSeen;
    Instant lastSeen;
    Optional<Version> maxVersion;
    Optional<Version> reportedVersion;
    Optional<Instant> lastReportedAt;
    long latestReportId;
    int createAttempts;
    Optional<String> lastError;

    Draft(TrackedIssue t) {
      fingerprint = t.fingerprint();
      status = t.status();
      issueNumber = t.issueNumber();
      closed = t.closed();
      title = t.title();
      occurrences = t.occurrences();
      unreported = t.unreported();
      firstSeen = t.firstSeen();
      lastSeen = t.lastSeen();
      maxVersion = t.maxVersion();
      reportedVersion = t.reportedVersion();
      lastReportedAt = t.lastReportedAt();
      latestReportId = t.latestReportId();
      createAttempts = t.createAttempts();
      lastError = t.lastError();
    }

    TrackedIssue build() {
      return new TrackedIssue(fingerprint, status, issueNumber, closed, title, occurrences,
          unreported, firstSeen, lastSeen, maxVersion, reportedVersion, lastReportedAt,
          latestReportId, createAttempts, lastError);
    }
  }
}
