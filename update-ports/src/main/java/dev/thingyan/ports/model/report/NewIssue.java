package dev.thingyan.ports.model.report;

import java.util.List;
import java.util.Objects;

/**
 * An issue to create. The bounds are GitHub's, checked here so that a 422 for a too-long title or
 * body cannot happen: the domain trims before it builds one.
 *
 * @param title at most {@link ReportLimits#ISSUE_TITLE_CHARS} characters
 * @param body at most {@link ReportLimits#ISSUE_BODY_CHARS} characters
 * @param labels label names (created by GitHub when missing)
 */
public record NewIssue(String title, String body, List<String> labels) {
  public NewIssue {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(body, "body");
    labels = List.copyOf(labels);
    if (title.isBlank() || title.length() > ReportLimits.ISSUE_TITLE_CHARS) {
      throw new IllegalArgumentException(
          "issue title must be 1.." + ReportLimits.ISSUE_TITLE_CHARS + " characters");
    }
    if (body.length() > ReportLimits.ISSUE_BODY_CHARS) {
      throw new IllegalArgumentException(
          "issue body must be at most " + ReportLimits.ISSUE_BODY_CHARS + " characters");
    }
  }
}
