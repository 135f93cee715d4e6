package dev.thingyan.adapter.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.thingyan.ports.out.ReleaseSourceException;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Turns a GitHub error answer into a {@link ReleaseSourceException} whose message says what
 * happened and what to do. Used for the JSON API (through {@link GitHubErrorDecoder}) and for
 * downloads alike. The token never appears: messages are built from the status, GitHub's
 * {@code message} and {@code errors}, and the request's path, and then scrubbed once more.
 */
final class GitHubErrors {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private final String repo;
  private final Optional<String> token;

  GitHubErrors(GitHubSourceConfig config) {
    this.repo = config.owner() + "/" + config.repo();
    this.token = config.token();
  }

  /**
   * @param what the request, for the message: e.g. {@code GET /repos/acme/pms/releases}
   * @param header a response header's first value by name (case-insensitive)
   */
  ReleaseSourceException toException(int status, String what,
      Function<String, Optional<String>> header, byte[] body) {
    String said = githubSays(body);
    String head = " (HTTP " + status + said + ") for " + what;
    Optional<String> retryAfter = header.apply("retry-after");
    boolean exhausted = header.apply("x-ratelimit-remaining").map(String::trim).filter("0"::equals).isPresent();
    if (status == 401) {
      return new ReleaseSourceException(scrub(token.isPresent()
          ? "GitHub refused the token" + head + ": it is invalid or expired. Check the token file and put a valid token in it."
          : "GitHub asked for a token" + head + ": configure a token file with read access to " + repo + "."));
    }
    if ((status == 403 || status == 429) && exhausted) {
      String reset = header.apply("x-ratelimit-reset").flatMap(GitHubErrors::resetInstant)
          .map(Instant::toString).orElse("an unknown time");
      return new ReleaseSourceException(scrub("GitHub's API rate limit is used up" + head
          + "; it resets at " + reset + ". " + (token.isPresent() ? "Try again after that time."
          : "Configure a GitHub token (5,000 requests an hour instead of 60), or try again after that time.")));
    }
    if ((status == 403 || status == 429) && retryAfter.isPresent()) {
      return new ReleaseSourceException(scrub("GitHub's secondary rate limit was hit" + head
          + ": too many requests in a short time. Retry after " + retryAfter.get().trim() + " seconds."));
    }
    return byStatus(status, head);
  }

  private ReleaseSourceException byStatus(int status, String head) {
    if (status == 403) {
      return new ReleaseSourceException(scrub("GitHub refused access" + head
          + ": the token lacks permission to read " + repo + " (it needs read access to its contents)."));
    }
    if (status == 404) {
      return new GitHubNotFoundException(scrub("Not found" + head + ": the repository " + repo
          + " or the release does not exist, or the token lacks access to it (GitHub answers 404 for"
          + " a private repository it will not show). Check the owner, the repo and the token."));
    }
    if (status == 422) {
      return new ReleaseSourceException(scrub("GitHub rejected the request" + head + "."));
    }
    if (status == 429) {
      return new ReleaseSourceException(scrub("GitHub refused too many requests" + head + ". Try again in a few minutes."));
    }
    if (status >= 500) {
      return new ReleaseSourceException(scrub("GitHub is unavailable" + head + ". Try again later."));
    }
    return new ReleaseSourceException(scrub("GitHub answered with an error" + head + "."));
  }

  /** {@code ": <message>; errors: <resource>.<field> <code>, ..."}, or "" when the body is not GitHub's JSON. */
  static String githubSays(byte[] body) {
    if (body == null || body.length == 0) {
      return "";
    }
    try {
      JsonNode json = MAPPER.readTree(body);
      if (json == null || !json.isObject()) {
        return "";
      }
      String message = json.path("message").asText("");
      List<String> errors = new ArrayList<>();
      json.path("errors").forEach(e -> errors.add(errorEntry(e)));
      return (message.isEmpty() ? "" : ": " + message)
          + (errors.isEmpty() ? "" : "; errors: " + String.join(", ", errors));
    } catch (IOException e) {
      return "";
    }
  }

  private static String errorEntry(JsonNode e) {
    if (!e.isObject()) {
      return e.asText();
    }
    String where = String.join(".", List.of(e.path("resource").asText(""), e.path("field").asText(""))
        .stream().filter(s -> !s.isEmpty()).toList());
    String code = e.path("code").asText("");
    String message = e.path("message").asText("");
    return (where + " " + code + (message.isEmpty() ? "" : " (" + message + ")")).trim();
  }

  /** GitHub sends epoch seconds; recordings normalised to milliseconds are read as such. */
  static Optional<Instant> resetInstant(String value) {
    try {
      long n = Long.parseLong(value.trim());
      return Optional.of(n > 100_000_000_000L ? Instant.ofEpochMilli(n) : Instant.ofEpochSecond(n));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** Removes the token from a text, should a server ever echo it back. */
  String scrub(String text) {
    return token.map(t -> text.replace(t, "***")).orElse(text);
  }
}
