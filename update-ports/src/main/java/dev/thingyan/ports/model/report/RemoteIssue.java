package dev.thingyan.ports.model.report;

import java.util.Objects;

/**
 * An issue as the tracker returned it.
 *
 * @param number the issue number in the repository
 * @param open true when open, false when closed
 * @param url the issue's web address (for the admin), possibly empty
 * @param body the body as stored on the tracker (for the fingerprint marker), possibly empty
 */
public record RemoteIssue(long number, boolean open, String url, String body) {
  public RemoteIssue {
    if (number < 1) {
      throw new IllegalArgumentException("issue number must be positive");
    }
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(body, "body");
  }
}
