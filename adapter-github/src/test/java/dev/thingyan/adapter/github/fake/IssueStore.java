package dev.thingyan.adapter.github.fake;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The fake's issues, in memory. Numbers are shared by issues and pull requests and start at 1, as
 * in a new repository. Every method is atomic.
 */
final class IssueStore {
  /** Which issues a listing's {@code state} parameter selects. */
  enum StateFilter { OPEN, CLOSED, ALL }

  private final Clock clock;
  private final Map<Long, FakeIssue> issues = new LinkedHashMap<>();
  private long lastNumber;
  private long lastCommentId = 5_000_000L;

  IssueStore(Clock clock) {
    this.clock = clock;
  }

  synchronized FakeIssue create(String title, String body, List<String> labels, boolean pullRequest) {
    Instant now = clock.instant();
    FakeIssue issue = new FakeIssue(++lastNumber, title, body, labels, true, List.of(), now, now,
        Optional.empty(), pullRequest);
    issues.put(issue.number(), issue);
    return issue;
  }

  synchronized Optional<FakeIssue> find(long number) {
    return Optional.ofNullable(issues.get(number));
  }

  /** @return the issue after {@code change}, applied with the current time; empty when unknown */
  synchronized Optional<FakeIssue> change(long number, UnaryOperator<FakeIssue> change) {
    return Optional.ofNullable(issues.computeIfPresent(number, (n, issue) -> change.apply(issue)));
  }

  /** @return the new comment's id, or empty when the issue is unknown */
  synchronized Optional<Long> comment(long number, String body) {
    Instant now = clock.instant();
    return change(number, issue -> issue.withComment(body, now)).map(i -> ++lastCommentId);
  }

  /** GitHub's default order: newest first. {@code since} compares with the last update. */
  synchronized List<FakeIssue> list(List<String> labels, StateFilter state, Optional<Instant> since) {
    return issues.values().stream()
        .filter(i -> i.hasAllLabels(labels))
        .filter(i -> state == StateFilter.ALL || i.open() == (state == StateFilter.OPEN))
        .filter(i -> since.map(t -> !i.updatedAt().isBefore(t)).orElse(true))
        .sorted(Comparator.comparing(FakeIssue::createdAt).thenComparing(FakeIssue::number).reversed())
        .toList();
  }

  synchronized List<FakeIssue> all() {
    return List.copyOf(issues.values());
  }

  Instant now() {
    return clock.instant();
  }
}
