package dev.thingyan.ports.out;

import dev.thingyan.ports.model.report.NewIssue;
import dev.thingyan.ports.model.report.RemoteIssue;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The issue tracker reports go to (GitHub Issues). Each method is one request, or one request per
 * page for {@link #listLabelled}; none retries by itself: the caller decides, because a retried
 * create is how duplicates are born. Every failure is an {@link IssueTrackerException} whose kind
 * says what the caller may do next.
 */
public interface IssueTracker {

  /** @return the created issue. */
  RemoteIssue create(NewIssue issue);

  /** Adds a comment. */
  void comment(long issueNumber, String body);

  /**
   * The bodies of an issue's comments updated at or after {@code since}, oldest first: one page
   * of at most 100, enough to find a comment posted just before its answer was lost.
   */
  List<String> commentsSince(long issueNumber, Instant since);

  /** @return the issue after setting its state to open. */
  RemoteIssue reopen(long issueNumber);

  /** @return the issue as it is now. */
  RemoteIssue get(long issueNumber);

  /**
   * Lists issues, open and closed, carrying all of these labels; pull requests are left out.
   *
   * @param updatedSince only issues updated at or after this time, when given
   */
  List<RemoteIssue> listLabelled(List<String> labels, Optional<Instant> updatedSince);
}
