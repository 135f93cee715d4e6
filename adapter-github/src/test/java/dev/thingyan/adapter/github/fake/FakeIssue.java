package dev.thingyan.adapter.github.fake;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An issue (or pull request) as {@link FakeGitHubIssues} holds it: an immutable snapshot, replaced
 * as a whole on every change.
 *
 * @param comments the comment bodies, oldest first
 * @param closedAt when it was last closed, empty while open
 * @param pullRequest true for a pull request, which GitHub lists among issues
 */
public record FakeIssue(long number, String title, String body, List<String> labels, boolean open,
    List<String> comments, Instant createdAt, Instant updatedAt, Optional<Instant> closedAt,
    boolean pullRequest) {

  public FakeIssue {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(body, "body");
    labels = List.copyOf(labels);
    comments = List.copyOf(comments);
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
    Objects.requireNonNull(closedAt, "closedAt");
  }

  /** @return true when it carries every one of {@code wanted}, compared as GitHub does (ignoring case) */
  public boolean hasAllLabels(List<String> wanted) {
    return wanted.stream().allMatch(w -> labels.stream().anyMatch(l -> l.equalsIgnoreCase(w)));
  }

  FakeIssue withState(boolean nowOpen, Instant at) {
    Optional<Instant> closed = nowOpen ? Optional.empty() : Optional.of(at);
    return new FakeIssue(number, title, body, labels, nowOpen, comments, createdAt, at, closed, pullRequest);
  }

  FakeIssue withText(String newTitle, String newBody, List<String> newLabels, Instant at) {
    return new FakeIssue(number, newTitle, newBody, newLabels, open, comments, createdAt, at, closedAt,
        pullRequest);
  }

  FakeIssue withComment(String comment, Instant at) {
    List<String> all = new ArrayList<>(comments);
    all.add(comment);
    return new FakeIssue(number, title, body, labels, open, all, createdAt, at, closedAt, pullRequest);
  }
}
