package dev.thingyan.domain.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.thingyan.ports.model.Actor;
import dev.thingyan.ports.model.AuditEvent;
import dev.thingyan.ports.model.report.DeliveryPass;
import dev.thingyan.ports.model.report.ReportReceipt;
import dev.thingyan.ports.out.AuditTrail;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The report side wired as bootstrap wires it, around an in-memory outbox, a fake GitHub and a
 * fake clock: submit reports of a few kinds (one kind, one fingerprint), run passes, and read back
 * what GitHub was told.
 */
final class DeliveryWorld {
  static final Instant T0 = Instant.parse("2025-04-01T00:00:00Z");
  static final List<String> LABELS = List.of("thingyan", "bug");
  private static final Pattern BODY_COUNT = Pattern.compile("\\| Occurrences \\| `(\\d+)` \\|");
  private static final Pattern COMMENT_COUNT =
      Pattern.compile("\\*\\*(\\d+) more occurrences?\\*\\*");

  final FakeClock clock;
  final FakeTracker tracker;
  final RecordingAudit audit = new RecordingAudit();
  final InMemoryReportOutbox outbox;
  final ReportSettings settings;
  ErrorReports reports;

  DeliveryWorld() {
    this(new InMemoryReportOutbox(), ReportSettings.defaults(LABELS, "worker-1"));
  }

  DeliveryWorld(InMemoryReportOutbox outbox, ReportSettings settings) {
    this(new FakeClock(T0), outbox, settings);
  }

  private DeliveryWorld(FakeClock clock, InMemoryReportOutbox outbox, ReportSettings settings) {
    this(clock, new FakeTracker(clock), outbox, settings);
  }

  private DeliveryWorld(FakeClock clock, FakeTracker tracker, InMemoryReportOutbox outbox,
      ReportSettings settings) {
    this.clock = clock;
    this.tracker = tracker;
    this.outbox = outbox;
    this.settings = settings;
    restart();
  }

  /** @return this world after its journal was lost: same GitHub, same time, an empty outbox. */
  DeliveryWorld withLostJournal() {
    return new DeliveryWorld(clock, tracker, new InMemoryReportOutbox(), settings);
  }

  /** A new process over the same journal and the same GitHub: nothing is kept in memory. */
  void restart() {
    reports = new ErrorReports(outbox, Optional.of(tracker), audit, settings, clock,
        clock.sleeper());
  }

  /** @return a valid report of one kind: reports of the same kind share a fingerprint. */
  Map<String, Object> report(String kind, String version) {
    Map<String, Object> m = Reports.valid();
    m.put("title", "Failure " + kind + " at the front desk");
    m.put("exception_type", "dev.thingyan.pms.Failure" + kind);
    m.put("message", "Failure " + kind + " for room 412");
    m.put("app_version", version);
    m.put("occurred_at", clock.instant().toString());
    return m;
  }

  ReportReceipt submit(String kind, String version) {
    return reports.submit(Actor.SYSTEM, report(kind, version));
  }

  void submit(String kind, String version, int times) {
    for (int i = 0; i < times; i++) {
      submit(kind, version);
    }
  }

  /** A pass with a minute to run, as a worker would start one. */
  DeliveryPass deliver() {
    return deliver(Duration.ofMinutes(1));
  }

  DeliveryPass deliver(Duration budget) {
    return reports.deliver(clock.instant().plus(budget));
  }

  /** @return the issue of a kind's fingerprint on the fake GitHub. */
  FakeTracker.Issue issueOf(String kind) {
    List<FakeTracker.Issue> found = tracker.issues().stream()
        .filter(i -> i.title.equals("Failure " + kind + " at the front desk")).toList();
    assertThat(found).as("issues for kind " + kind).hasSize(1);
    return found.get(0);
  }

  /** @return the occurrences an issue told: its body's count plus every comment's. */
  static long told(FakeTracker.Issue issue) {
    Matcher m = BODY_COUNT.matcher(issue.body);
    assertThat(m.find()).as("occurrence count in the body of #" + issue.number).isTrue();
    long n = Long.parseLong(m.group(1));
    for (String c : issue.comments) {
      Matcher cm = COMMENT_COUNT.matcher(c);
      assertThat(cm.find()).as("occurrence count in a comment of #" + issue.number).isTrue();
      n += Long.parseLong(cm.group(1));
    }
    return n;
  }

  /** Asserts that no two write requests reached GitHub closer than {@code spacing}. */
  void assertWritesSpacedBy(Duration spacing) {
    List<FakeTracker.Call> writes = tracker.writes();
    for (int i = 1; i < writes.size(); i++) {
      Duration gap = Duration.between(writes.get(i - 1).at(), writes.get(i).at());
      assertThat(gap).as("gap between write %d and %d: %s then %s", i - 1, i,
          writes.get(i - 1), writes.get(i)).isGreaterThanOrEqualTo(spacing);
    }
  }

  /** An audit trail that keeps what it is told. */
  static final class RecordingAudit implements AuditTrail {
    final List<AuditEvent> events = new ArrayList<>();

    @Override
    public synchronized void record(AuditEvent event) {
      events.add(event);
    }

    @Override
    public synchronized List<AuditEvent> recent(int limit) {
      List<AuditEvent> newest = new ArrayList<>(events);
      java.util.Collections.reverse(newest);
      return newest.subList(0, Math.min(limit, newest.size()));
    }

    synchronized List<String> actions() {
      return events.stream().map(e -> e.attributes().get("action")).toList();
    }
  }
}
