package dev.thingyan.adapter.github;

import static dev.thingyan.adapter.github.Fixtures.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import dev.thingyan.ports.out.ReleaseSourceException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** GitHub's error answers become messages that say what happened and what to do, never the token. */
class GitHubErrorsTest {
  private static final String LIST = "/repos/octokit-fixture-org/release-assets/releases?per_page=100";
  private static final Map<String, String> JSON = Map.of("content-type", "application/json; charset=utf-8");
  private final GitHubReplayServer github = GitHubReplayServer.start();

  @AfterEach
  void stop() {
    github.close();
  }

  @Test
  void validationFailedShowsGitHubsMessageAndErrors() {
    JsonNode recorded = Fixtures.exchange("errors.json", 0);
    github.respond("GET", LIST, 422, JSON, Fixtures.bytes(recorded.path("response")));

    assertThat(listingFails().getMessage()).contains("HTTP 422", "Validation Failed", "Label.color invalid");
  }

  @Test
  void rateLimitSaysWhenItResetsAndToConfigureAToken() {
    Map<String, String> headers = new LinkedHashMap<>(JSON);
    headers.put("x-ratelimit-limit", "60");
    headers.put("x-ratelimit-remaining", "0");
    headers.put("x-ratelimit-reset", "1507651200");
    github.respond("GET", LIST, 403, headers, "{\"message\":\"API rate limit exceeded for 127.0.0.1.\"}".getBytes());

    ReleaseSourceException e = listingFails(Optional.empty());
    assertThat(e.getMessage()).contains("rate limit", "2017-10-10T16:00:00Z", "Configure a GitHub token",
        "API rate limit exceeded");
  }

  @Test
  void rateLimitResetInRecordedMillisecondsIsReadToo() {
    Map<String, String> headers = new LinkedHashMap<>(JSON);
    headers.put("x-ratelimit-remaining", "0");
    headers.put("x-ratelimit-reset", "1507651200000"); // as octokit's normalised fixtures have it
    github.respond("GET", LIST, 429, headers, new byte[0]);

    assertThat(listingFails().getMessage()).contains("2017-10-10T16:00:00Z", "Try again after that time");
  }

  @Test
  void secondaryRateLimitSaysWhenToRetry() {
    Map<String, String> headers = new LinkedHashMap<>(JSON);
    headers.put("retry-after", "60");
    github.respond("GET", LIST, 403, headers, "{\"message\":\"You have exceeded a secondary rate limit.\"}".getBytes());

    assertThat(listingFails().getMessage()).contains("secondary rate limit", "Retry after 60 seconds");
  }

  @Test
  void badCredentialsPointAtTheTokenFile() {
    github.respond("GET", LIST, 401, JSON, "{\"message\":\"Bad credentials\"}".getBytes());

    assertThat(listingFails().getMessage()).contains("HTTP 401", "Bad credentials", "invalid or expired",
        "token file");
  }

  @Test
  void forbiddenWithoutRateLimitIsAPermissionProblem() {
    github.respond("GET", LIST, 403, JSON, "{\"message\":\"Resource not accessible by integration\"}".getBytes());

    assertThat(listingFails().getMessage()).contains("refused access", "Resource not accessible", "permission");
  }

  @Test
  void missingRepositoryNamesWhatToCheck() {
    github.respond("GET", LIST, 404, JSON, "{\"message\":\"Not Found\"}".getBytes());

    assertThat(listingFails().getMessage()).contains("HTTP 404", "octokit-fixture-org/release-assets",
        "token lacks access");
  }

  @Test
  void serverErrorsAreRetriedThenReportedAsUnavailable() {
    github.respond("GET", LIST, 503, JSON, "{\"message\":\"Service Unavailable\"}".getBytes());

    assertThat(listingFails().getMessage()).contains("GitHub is unavailable", "HTTP 503", "Try again later");
    assertThat(github.requests()).hasSize(3);
  }

  @Test
  void unreachableServerSaysToCheckTheNetwork() {
    java.net.URI dead = github.baseUrl();
    github.close();

    ReleaseSourceException e = catchThrowableOfType(ReleaseSourceException.class,
        () -> new GitHubReleaseSource(Fixtures.config(dead)).releases());
    assertThat(e.getMessage()).contains("Could not reach GitHub", "network");
    assertNoToken(e);
  }

  @Test
  void anAnswerThatIsNotGitHubsJsonSaysToCheckTheBaseUrl() {
    github.respond("GET", LIST, 200, Map.of("content-type", "text/html"), "<html>proxy login</html>".getBytes());

    assertThat(listingFails().getMessage()).contains("could not be read", "apiBaseUrl");
  }

  @Test
  void anEchoedTokenIsScrubbed() {
    github.respond("GET", LIST, 400, JSON, ("{\"message\":\"bad header Bearer " + TOKEN + "\"}").getBytes());

    assertThat(listingFails().getMessage()).contains("bad header Bearer ***");
  }

  private ReleaseSourceException listingFails() {
    return listingFails(Optional.of(TOKEN));
  }

  private ReleaseSourceException listingFails(Optional<String> token) {
    ReleaseSourceException e = catchThrowableOfType(ReleaseSourceException.class,
        () -> new GitHubReleaseSource(Fixtures.config(github.baseUrl(), token)).releases());
    assertThat(e).as("a ReleaseSourceException").isNotNull();
    assertNoToken(e);
    return e;
  }

  /** Neither the message nor anything in the printed stack trace (causes included) has the token. */
  static void assertNoToken(Throwable e) {
    StringWriter trace = new StringWriter();
    e.printStackTrace(new PrintWriter(trace));
    assertThat(trace.toString()).doesNotContain(TOKEN);
  }
}
