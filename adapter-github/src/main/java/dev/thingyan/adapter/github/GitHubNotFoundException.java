package dev.thingyan.adapter.github;

import dev.thingyan.ports.out.ReleaseSourceException;

/** GitHub answered 404: a lookup turns it into an empty answer, a listing into a failure. */
final class GitHubNotFoundException extends ReleaseSourceException {
  private static final long serialVersionUID = 1L;

  GitHubNotFoundException(String message) {
    super(message);
  }
}
