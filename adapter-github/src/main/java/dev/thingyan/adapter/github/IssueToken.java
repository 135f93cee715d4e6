package dev.thingyan.adapter.github;

import dev.thingyan.ports.out.IssueTrackerException;
import dev.thingyan.ports.out.IssueTrackerException.Kind;
import java.util.function.Supplier;

/**
 * The token for issue calls, read from its source for every request and checked before anything
 * is sent. Messages say what is wrong with it, never what it is.
 */
final class IssueToken {
  private final Supplier<String> source;
  private final String repository;

  IssueToken(GitHubIssuesConfig config) {
    this.source = config.token();
    this.repository = config.repository();
  }

  /** @throws IssueTrackerException UNAUTHORIZED when the token is missing or malformed */
  String value() {
    String raw;
    try {
      raw = source.get();
    } catch (RuntimeException e) {
      // The cause's message may quote the file's content: only its type is kept.
      throw unauthorized("could not be read (" + e.getClass().getSimpleName() + ")");
    }
    String token = raw == null ? "" : raw.strip();
    if (token.isEmpty()) {
      throw unauthorized("is empty");
    }
    // Braces would be read as a Feign template expression, spaces would split the header.
    if (!token.chars().allMatch(c -> c > 0x20 && c < 0x7f && c != '{' && c != '}')) {
      throw unauthorized("contains spaces, braces or control characters");
    }
    return token;
  }

  /** Removes the token from a text, should a server or a library ever echo it back. */
  String scrub(String text) {
    try {
      String raw = source.get();
      String token = raw == null ? "" : raw.strip();
      return token.isEmpty() ? text : text.replace(token, "***");
    } catch (RuntimeException e) {
      return text;
    }
  }

  /**
   * @return {@code cause}, or null when a message in its chain holds the token (a parse error
   *     quoting an answer that echoed it): a logged stack trace must not show it either
   */
  Throwable safeCause(Throwable cause) {
    for (Throwable t = cause; t != null; t = t.getCause()) {
      String message = String.valueOf(t.getMessage());
      if (!scrub(message).equals(message)) {
        return null;
      }
    }
    return cause;
  }

  private IssueTrackerException unauthorized(String problem) {
    return new IssueTrackerException(Kind.UNAUTHORIZED, 0, null, "The GitHub token for issues "
        + problem + "; nothing was sent. Put a token with Issues read and write permission on "
        + repository + " where the configuration reads it (token file or environment variable).", null);
  }
}
