package dev.thingyan.domain.report;

import dev.thingyan.ports.model.Version;
import dev.thingyan.ports.model.report.DeliveryState;
import dev.thingyan.ports.model.report.ErrorReport;
import dev.thingyan.ports.model.report.Fingerprints;
import dev.thingyan.ports.model.report.Occurrences;
import dev.thingyan.ports.model.report.OutboxStats;
import dev.thingyan.ports.model.report.PendingReport;
import dev.thingyan.ports.model.report.QueuedReport;
import dev.thingyan.ports.model.report.TrackedIssue;
import dev.thingyan.ports.model.report.TrackedIssue.Status;
import dev.thingyan.ports.out.ReportOutbox;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * The {@link ReportOutbox} contract held in memory, for domain tests. It is strict where the
 * journal would be lenient (a report folded under another fingerprint, a count that does not add
 * up, a change to a row that does not exist all throw), so that a domain bug fails a test here
 * instead of skewing a count there. Every method is synchronized: one call, one "transaction".
 */
final class InMemoryReportOutbox implements ReportOutbox {
  private enum Fate { PENDING, DELIVERED, REJECTED }

  private static final class Stored {
    final QueuedReport report;
    Fate fate = Fate.PENDING;

    Stored(QueuedReport report) {
      this.report = report;
    }
  }

  private final TreeMap<Long, Stored> reports = new TreeMap<>();
  private final Map<String, MapRow> rows = new HashMap<>();
  private DeliveryState state = DeliveryState.INITIAL;
  private String leaseHolder;
  private Instant leaseUntil = Instant.MIN;
  private long nextId = 1;
  private long enqueued;

  @Override
  public synchronized long enqueue(String fingerprint, ErrorReport redacted, Instant acceptedAt) {
    long id = nextId++;
    reports.put(id, new Stored(new QueuedReport(id, fingerprint, redacted, acceptedAt)));
    enqueued++;
    return id;
  }

  /** @return how many reports were ever enqueued (pruning does not lower it). */
  synchronized long enqueued() {
    return enqueued;
  }

  @Override
  public synchronized List<QueuedReport> pending(int limit) {
    return reports.values().stream().filter(s -> s.fate == Fate.PENDING).limit(limit)
        .map(s -> s.report).toList();
  }

  @Override
  public synchronized List<PendingReport> pendingHeads(int limit) {
    return pending(limit).stream().map(r -> new PendingReport(r.id(), r.fingerprint(),
        r.acceptedAt(), r.report().appVersion())).toList();
  }

  @Override
  public synchronized Optional<QueuedReport> report(long id) {
    return Optional.ofNullable(reports.get(id)).map(s -> s.report);
  }

  @Override
  public synchronized Optional<TrackedIssue> issue(String fingerprint) {
    return Optional.ofNullable(rows.get(fingerprint)).map(MapRow::snapshot);
  }

  @Override
  public synchronized Optional<TrackedIssue> issueByNumber(long issueNumber) {
    return rows.values().stream().filter(r -> r.issueNumber == issueNumber)
        .min(Comparator.comparing(r -> r.fingerprint)).map(MapRow::snapshot);
  }

  @Override
  public synchronized List<TrackedIssue> issues(int limit) {
    return rows.values().stream()
        .sorted(Comparator.comparing((MapRow r) -> r.lastSeen).reversed()
            .thenComparing(r -> r.fingerprint))
        .limit(limit).map(MapRow::snapshot).toList();
  }

  @Override
  public synchronized TrackedIssue fold(String fingerprint, String title, List<Long> reportIds,
      Occurrences seen) {
    Objects.requireNonNull(seen, "seen");
    MapRow row = rows.computeIfAbsent(Fingerprints.check(fingerprint),
        fp -> new MapRow(fp, title, seen.first()));
    for (long id : reportIds) {
      Stored s = reports.get(id);
      if (s == null || s.fate != Fate.PENDING) {
        continue;
      }
      if (!s.report.fingerprint().equals(fingerprint)) {
        throw new IllegalArgumentException("report " + id + " is not of " + fingerprint);
      }
      s.fate = row.status == Status.REJECTED ? Fate.REJECTED : Fate.DELIVERED;
      row.add(s.report);
    }
    return row.snapshot();
  }

  @Override
  public synchronized void creating(String fingerprint, Instant at) {
    MapRow row = row(fingerprint);
    row.status = Status.CREATING;
    row.createAttempts++;
  }

  @Override
  public synchronized void linked(String fingerprint, long issueNumber, boolean closed,
      boolean reported, Instant at) {
    MapRow row = rows.computeIfAbsent(Fingerprints.check(fingerprint),
        fp -> new MapRow(fp, "", at));
    row.status = Status.LINKED;
    row.issueNumber = issueNumber;
    row.closed = closed;
    row.lastError = Optional.empty();
    if (reported) {
      row.unreported = 0;
      row.reportedVersion = row.maxVersion;
      row.lastReportedAt = Optional.of(at);
    }
  }

  @Override
  public synchronized void reported(String fingerprint, long count, Optional<Version> upTo,
      boolean closed, Instant at) {
    MapRow row = row(fingerprint);
    if (count < 0 || count > row.unreported) {
      throw new IllegalStateException("told " + count + " occurrences of " + fingerprint
          + " but only " + row.unreported + " were unreported");
    }
    row.unreported -= count;
    row.reportedVersion = MapRow.newer(row.reportedVersion, upTo);
    row.closed = closed;
    row.lastReportedAt = Optional.of(at);
  }

  @Override
  public synchronized void failed(String fingerprint, String error) {
    row(fingerprint).lastError = Optional.of(error);
  }

  @Override
  public synchronized void rejected(String fingerprint, String error) {
    MapRow row = row(fingerprint);
    row.status = Status.REJECTED;
    row.lastError = Optional.of(error);
    mark(fingerprint, Fate.DELIVERED, Fate.REJECTED);
  }

  @Override
  public synchronized void unlinked(String fingerprint, String why) {
    MapRow row = row(fingerprint);
    row.status = Status.NEW;
    row.issueNumber = 0;
    row.closed = false;
    row.unreported = row.occurrences;
    row.reportedVersion = Optional.empty();
    row.lastReportedAt = Optional.empty();
    row.createAttempts = 0;
    row.lastError = Optional.of(why);
  }

  @Override
  public synchronized int retryRejected() {
    int n = 0;
    for (MapRow row : rows.values()) {
      if (row.status == Status.REJECTED) {
        row.status = Status.NEW;
        mark(row.fingerprint, Fate.REJECTED, Fate.DELIVERED);
        n++;
      }
    }
    return n;
  }

  private void mark(String fingerprint, Fate from, Fate to) {
    reports.values().stream()
        .filter(s -> s.fate == from && s.report.fingerprint().equals(fingerprint))
        .forEach(s -> s.fate = to);
  }

  @Override
  public synchronized List<TrackedIssue> dueForComment(Instant reportedBefore, int limit) {
    return rows.values().stream()
        .filter(r -> r.status == Status.LINKED && r.unreported > 0)
        .filter(r -> r.lastReportedAt.map(t -> !t.isAfter(reportedBefore)).orElse(true))
        .sorted(Comparator.comparing((MapRow r) -> r.lastReportedAt.orElse(Instant.MIN))
            .thenComparing(r -> r.fingerprint))
        .limit(limit).map(MapRow::snapshot).toList();
  }

  @Override
  public synchronized List<TrackedIssue> awaitingIssue(int limit) {
    return rows.values().stream()
        .filter(r -> r.status == Status.NEW || r.status == Status.CREATING)
        .sorted(Comparator.comparing((MapRow r) -> r.firstSeen).thenComparing(r -> r.fingerprint))
        .limit(limit).map(MapRow::snapshot).toList();
  }

  @Override
  public synchronized DeliveryState deliveryState() {
    return state;
  }

  @Override
  public synchronized void saveDeliveryState(DeliveryState state) {
    this.state = Objects.requireNonNull(state, "state");
  }

  @Override
  public synchronized boolean tryLease(String owner, Instant now, Duration ttl) {
    Objects.requireNonNull(owner, "owner");
    if (leaseHolder != null && !leaseHolder.equals(owner) && leaseUntil.isAfter(now)) {
      return false;
    }
    leaseHolder = owner;
    leaseUntil = now.plus(ttl);
    return true;
  }

  @Override
  public synchronized void releaseLease(String owner) {
    if (owner.equals(leaseHolder)) {
      leaseHolder = null;
      leaseUntil = Instant.MIN;
    }
  }

  /** @return who holds the lease now, for assertions. */
  synchronized Optional<String> leaseHolder() {
    return Optional.ofNullable(leaseHolder);
  }

  @Override
  public synchronized int pruneDelivered(Instant before) {
    List<Long> old = new ArrayList<>();
    reports.forEach((id, s) -> {
      if (s.fate == Fate.DELIVERED && s.report.acceptedAt().isBefore(before)) {
        old.add(id);
      }
    });
    old.forEach(reports::remove);
    return old.size();
  }

  @Override
  public synchronized OutboxStats stats() {
    Map<Fate, Long> byFate = new HashMap<>();
    reports.values().forEach(s -> byFate.merge(s.fate, 1L, Long::sum));
    long linked = rows.values().stream().filter(r -> r.status == Status.LINKED).count();
    long unreported = rows.values().stream().mapToLong(r -> r.unreported).sum();
    return new OutboxStats(byFate.getOrDefault(Fate.PENDING, 0L),
        byFate.getOrDefault(Fate.REJECTED, 0L), byFate.getOrDefault(Fate.DELIVERED, 0L), linked,
        unreported);
  }

  private MapRow row(String fingerprint) {
    MapRow row = rows.get(fingerprint);
    if (row == null) {
      throw new IllegalStateException("no map row for " + fingerprint);
    }
    return row;
  }

  /** One row of the map, changed in place under the outbox's lock. */
  private static final class MapRow {
    final String fingerprint;
    final String title;
    Status status = Status.NEW;
    long issueNumber;
    boolean closed;
    long occurrences;
    long unreported;
    Instant firstSeen;
    Instant lastSeen;
    Optional<Version> maxVersion = Optional.empty();
    Optional<Version> reportedVersion = Optional.empty();
    Optional<Instant> lastReportedAt = Optional.empty();
    long latestReportId;
    int createAttempts;
    Optional<String> lastError = Optional.empty();

    MapRow(String fingerprint, String title, Instant seen) {
      this.fingerprint = fingerprint;
      this.title = title;
      this.firstSeen = seen;
      this.lastSeen = seen;
    }

    void add(QueuedReport r) {
      Instant at = r.acceptedAt();
      firstSeen = occurrences == 0 || at.isBefore(firstSeen) ? at : firstSeen;
      lastSeen = occurrences == 0 || at.isAfter(lastSeen) ? at : lastSeen;
      maxVersion = newer(maxVersion, r.report().appVersion());
      latestReportId = Math.max(latestReportId, r.id());
      occurrences++;
      unreported++;
    }

    static Optional<Version> newer(Optional<Version> a, Optional<Version> b) {
      if (a.isEmpty() || b.isEmpty()) {
        return a.isEmpty() ? b : a;
      }
      return b.get().compareTo(a.get()) > 0 ? b : a;
    }

    TrackedIssue snapshot() {
      OptionalLong number = issueNumber > 0 ? OptionalLong.of(issueNumber) : OptionalLong.empty();
      return new TrackedIssue(fingerprint, status, number, closed, title, occurrences, unreported,
          firstSeen, lastSeen, maxVersion, reportedVersion, lastReportedAt, latestReportId,
          createAttempts, lastError);
    }
  }
}
