package dev.thingyan.domain.report;

import dev.thingyan.ports.model.report.NewIssue;
import dev.thingyan.ports.model.report.RemoteIssue;
import dev.thingyan.ports.out.IssueTracker;
import dev.thingyan.ports.out.IssueTrackerException;
import dev.thingyan.ports.out.IssueTrackerException.Kind;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * GitHub Issues in memory: numbered issues that are open or closed, with body, labels and
 * comments, and failures scripted per call. Every call is recorded with the fake clock's time,
 * failed or not, so tests can check the spacing of writes and that nothing was sent while it
 * should wait. Deleted issues answer 404, as on GitHub.
 */
final class FakeTracker implements IssueTracker {
  static final Set<String> WRITES = Set.of("create", "comment", "reopen");

  /** An issue on the fake GitHub. */
  static final class Issue {
    final long number;
    final String title;
    final String body;
    final List<String> labels;
    final List<String> comments = new ArrayList<>();
    boolean open = true;
    boolean deleted;
    Instant updatedAt;

    Issue(long number, NewIssue issue, Instant at) {
      this.number = number;
      this.title = issue.title();
      this.body = issue.body();
      this.labels = issue.labels();
      this.updatedAt = at;
    }

    RemoteIssue remote() {
      return new RemoteIssue(number, open, "https://github.test/o/r/issues/" + number, body);
    }
  }

  /** One request as it reached the fake: what, on which issue (0: none), when, how it failed. */
  record Call(String op, long issue, Instant at, Optional<Kind> failed) {
    boolean write() {
      return WRITES.contains(op);
    }
  }

  /** What the next call of an operation does instead of (or besides) succeeding. */
  private record Fault(Kind kind, Duration retryAfter, boolean afterEffect) {}

  private final Clock clock;
  private final TreeMap<Long, Issue> issues = new TreeMap<>();
  private final List<Call> calls = new ArrayList<>();
  private final Map<String, Deque<Optional<Fault>>> script = new HashMap<>();
  private Predicate<NewIssue> rejects = i -> false;
  private boolean down;

  FakeTracker(Clock clock) {
    this.clock = clock;
  }

  // ---- scripting ----

  /** The next not yet scripted call of {@code op} succeeds (to fail a later one). */
  synchronized FakeTracker thenSucceed(String op) {
    queue(op).add(Optional.empty());
    return this;
  }

  /** The next not yet scripted call of {@code op} fails with {@code kind}. */
  synchronized FakeTracker thenFail(String op, Kind kind) {
    queue(op).add(Optional.of(new Fault(kind, null, false)));
    return this;
  }

  /** The next not yet scripted call of {@code op} is rate limited until its time + {@code wait}. */
  synchronized FakeTracker thenRateLimited(String op, Duration wait) {
    queue(op).add(Optional.of(new Fault(Kind.RATE_LIMITED, wait, false)));
    return this;
  }

  /** The next not yet scripted create stores the issue, then the response is lost (a timeout). */
  synchronized FakeTracker thenLoseCreateResponse() {
    queue("create").add(Optional.of(new Fault(Kind.UNAVAILABLE, null, true)));
    return this;
  }

  /** The next not yet scripted comment is stored, then its response is lost (a timeout). */
  synchronized FakeTracker thenLoseCommentResponse() {
    queue("comment").add(Optional.of(new Fault(Kind.UNAVAILABLE, null, true)));
    return this;
  }

  /** Every create of an issue matching {@code rule} answers 422. */
  synchronized void rejectCreates(Predicate<NewIssue> rule) {
    this.rejects = rule;
  }

  /** While down, every call fails with UNAVAILABLE (no response). */
  synchronized void down(boolean down) {
    this.down = down;
  }

  private Deque<Optional<Fault>> queue(String op) {
    return script.computeIfAbsent(op, k -> new ArrayDeque<>());
  }

  // ---- what people do on GitHub ----

  synchronized void close(long number) {
    Issue i = issues.get(number);
    i.open = false;
    i.updatedAt = clock.instant();
  }

  synchronized void delete(long number) {
    issues.get(number).deleted = true;
  }

  /** Files an issue by hand (or as another copy of the bot would), not recorded as a call. */
  synchronized long file(NewIssue issue) {
    long n = issues.isEmpty() ? 1 : issues.lastKey() + 1;
    issues.put(n, new Issue(n, issue, clock.instant()));
    return n;
  }

  // ---- what tests read ----

  synchronized List<Issue> issues() {
    return issues.values().stream().filter(i -> !i.deleted).toList();
  }

  synchronized Issue issue(long number) {
    return issues.get(number);
  }

  synchronized List<Call> calls() {
    return List.copyOf(calls);
  }

  synchronized List<Call> writes() {
    return calls.stream().filter(Call::write).toList();
  }

  synchronized long count(String op) {
    return calls.stream().filter(c -> c.op().equals(op)).count();
  }

  // ---- IssueTracker ----

  @Override
  public synchronized RemoteIssue create(NewIssue issue) {
    Optional<Fault> fault = before("create", 0);
    if (rejects.test(issue)) {
      throw failLast(Kind.REJECTED, 422, "Validation Failed (422): the issue was refused");
    }
    long n = file(issue);
    after("create", n, fault);
    return issues.get(n).remote();
  }

  @Override
  public synchronized void comment(long issueNumber, String body) {
    Optional<Fault> fault = before("comment", issueNumber);
    Issue i = existing("comment", issueNumber);
    i.comments.add(body);
    i.updatedAt = clock.instant();
    after("comment", issueNumber, fault);
  }

  @Override
  public synchronized List<String> commentsSince(long issueNumber, Instant since) {
    Optional<Fault> fault = before("comments", issueNumber);
    after("comments", issueNumber, fault);
    return List.copyOf(existing("comments", issueNumber).comments);
  }

  @Override
  public synchronized RemoteIssue reopen(long issueNumber) {
    Optional<Fault> fault = before("reopen", issueNumber);
    Issue i = existing("reopen", issueNumber);
    i.open = true;
    i.updatedAt = clock.instant();
    after("reopen", issueNumber, fault);
    return i.remote();
  }

  @Override
  public synchronized RemoteIssue get(long issueNumber) {
    Optional<Fault> fault = before("get", issueNumber);
    after("get", issueNumber, fault);
    return existing("get", issueNumber).remote();
  }

  @Override
  public synchronized List<RemoteIssue> listLabelled(List<String> labels,
      Optional<Instant> updatedSince) {
    Optional<Fault> fault = before("list", 0);
    after("list", 0, fault);
    return issues().stream().filter(i -> i.labels.containsAll(labels))
        .filter(i -> updatedSince.map(t -> !i.updatedAt.isBefore(t)).orElse(true))
        .map(Issue::remote).toList();
  }

  /** Records the call; fails it now unless its fault strikes after the effect. */
  private Optional<Fault> before(String op, long issue) {
    if (down) {
      throw failure(op, issue, Kind.UNAVAILABLE, null);
    }
    Optional<Fault> fault = Optional.ofNullable(script.getOrDefault(op, new ArrayDeque<>())
        .poll()).flatMap(f -> f);
    if (fault.isPresent() && !fault.get().afterEffect()) {
      throw failure(op, issue, fault.get().kind(), fault.get().retryAfter());
    }
    calls.add(new Call(op, issue, clock.instant(), Optional.empty()));
    return fault;
  }

  /** The request took effect; a scripted fault now loses its response. */
  private void after(String op, long issue, Optional<Fault> fault) {
    if (fault.isPresent()) {
      throw failLast(fault.get().kind(), 0, "GitHub did not answer " + op + " in time");
    }
  }

  private Issue existing(String op, long number) {
    Issue i = issues.get(number);
    if (i == null || i.deleted) {
      throw failLast(Kind.NOT_FOUND, 404, "issue #" + number + " not found (" + op + ")");
    }
    return i;
  }

  /** Marks the call just recorded as failed. */
  private IssueTrackerException failLast(Kind kind, int status, String message) {
    Call last = calls.remove(calls.size() - 1);
    calls.add(new Call(last.op(), last.issue(), last.at(), Optional.of(kind)));
    return new IssueTrackerException(kind, status, message);
  }

  private IssueTrackerException failure(String op, long issue, Kind kind, Duration retryAfter) {
    Instant now = clock.instant();
    calls.add(new Call(op, issue, now, Optional.of(kind)));
    int status = switch (kind) {
      case RATE_LIMITED -> 403;
      case UNAVAILABLE -> 503;
      case UNAUTHORIZED -> 401;
      case NOT_FOUND -> 404;
      case REJECTED -> 422;
    };
    Instant retryAt = retryAfter == null ? null : now.plus(retryAfter);
    return new IssueTrackerException(kind, status, retryAt,
        "GitHub answered " + status + " to " + op, null);
  }
}
