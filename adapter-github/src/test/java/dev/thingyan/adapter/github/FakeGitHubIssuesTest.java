package dev.thingyan.adapter.github;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.thingyan.adapter.github.fake.FakeGitHubIssues;
import dev.thingyan.adapter.github.fake.FakeGitHubIssues.Outage;
import dev.thingyan.adapter.github.fake.FakeRequest;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The fake itself, spoken to over plain HTTP: it must behave like GitHub for the tests built on it. */
class FakeGitHubIssuesTest {
  private static final String TOKEN = "ghp_fakeTestToken";
  private final MovableClock clock = new MovableClock(IssueTesting.START);
  private final FakeGitHubIssues github = FakeGitHubIssues.start("acme/pms", TOKEN, clock);
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @AfterEach
  void stop() {
    github.close();
  }

  @Test
  void createsNumbersAndStoresIssues() throws Exception {
    HttpResponse<String> created = send("POST", "/repos/acme/pms/issues",
        "{\"title\":\"Crash\",\"body\":\"trace\",\"labels\":[\"thingyan\",\"crash\"]}");

    assertThat(created.statusCode()).isEqualTo(201);
    assertThat(created.headers().firstValue("location")).contains(github.baseUrl() + "/repos/acme/pms/issues/1");
    assertThat(created.headers().firstValue("x-ratelimit-remaining")).contains("4999");
    JsonNode issue = Fixtures.JSON.readTree(created.body());
    assertThat(issue.path("number").asInt()).isEqualTo(1);
    assertThat(issue.path("labels").findValuesAsText("name")).containsExactly("thingyan", "crash");
    assertThat(github.issue(1).orElseThrow().body()).isEqualTo("trace");
    assertThat(github.writeRequests()).isEqualTo(1);
  }

  @Test
  void validatesLikeGitHub() throws Exception {
    String longTitle = "က".repeat(257);
    assertThat(error("POST", "/repos/acme/pms/issues", "{\"title\":\"" + longTitle + "\"}"))
        .isEqualTo("422 Validation Failed Issue.title custom title is too long (maximum is 256 characters)");
    assertThat(send("POST", "/repos/acme/pms/issues", "{\"title\":\"" + "က".repeat(256) + "\"}").statusCode())
        .isEqualTo(201);
    assertThat(error("POST", "/repos/acme/pms/issues", "{\"title\":\"t\",\"body\":\"" + "x".repeat(65_537) + "\"}"))
        .contains("422", "body is too long (maximum is 65536 characters)");
    assertThat(error("POST", "/repos/acme/pms/issues", "{\"body\":\"no title\"}")).isEqualTo("422 Validation Failed Issue.title missing_field");
    assertThat(error("POST", "/repos/acme/pms/issues", "not json")).isEqualTo("400 Problems parsing JSON");
    assertThat(error("POST", "/repos/acme/pms/issues/1/comments", "{\"body\":\"" + "x".repeat(65_537) + "\"}"))
        .contains("422", "IssueComment.body custom");
    assertThat(error("PATCH", "/repos/acme/pms/issues/1", "{\"state\":\"gone\"}")).contains("422", "Issue.state invalid");
    assertThat(error("GET", "/repos/acme/pms/issues/7", "")).isEqualTo("404 Not Found");
    assertThat(error("GET", "/repos/acme/other/issues/1", "")).isEqualTo("404 Not Found");
    assertThat(github.issues()).hasSize(1);
  }

  @Test
  void requiresTheTokenItWasStartedWith() throws Exception {
    HttpRequest none = HttpRequest.newBuilder(github.baseUrl().resolve("/repos/acme/pms/issues")).GET().build();
    assertThat(http.send(none, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
    HttpRequest wrong = HttpRequest.newBuilder(github.baseUrl().resolve("/repos/acme/pms/issues"))
        .header("Authorization", "Bearer ghp_other").GET().build();
    assertThat(http.send(wrong, HttpResponse.BodyHandlers.ofString()).body()).contains("Bad credentials");
    HttpRequest classic = HttpRequest.newBuilder(github.baseUrl().resolve("/repos/acme/pms/issues"))
        .header("Authorization", "token " + TOKEN).GET().build();
    assertThat(http.send(classic, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
  }

  @Test
  void listsLikeGitHubOpenByDefaultAllLabelsSinceAndPages() throws Exception {
    for (int i = 1; i <= 5; i++) {
      github.openIssue("Issue " + i, "", i <= 3 ? List.of("thingyan", "Crash") : List.of("thingyan"));
      clock.advance(Duration.ofMinutes(1));
    }
    github.closeIssue(1);

    assertThat(numbers("/repos/acme/pms/issues")).containsExactly(5, 4, 3, 2);
    assertThat(numbers("/repos/acme/pms/issues?state=all&labels=thingyan,crash")).containsExactly(3, 2, 1);
    assertThat(numbers("/repos/acme/pms/issues?state=closed")).containsExactly(1);
    assertThat(numbers("/repos/acme/pms/issues?state=all&since=2025-04-13T09:03:00Z")).containsExactly(5, 4, 1);
    HttpResponse<String> page = send("GET", "/repos/acme/pms/issues?state=all&per_page=2&page=2", null);
    assertThat(Fixtures.JSON.readTree(page.body()).findValuesAsText("number")).containsExactly("3", "2");
    String base = github.baseUrl() + "/repositories/1000/issues?state=all&per_page=2&page=";
    assertThat(page.headers().firstValue("link")).contains("<" + base + "1>; rel=\"prev\", <" + base
        + "3>; rel=\"next\", <" + base + "3>; rel=\"last\", <" + base + "1>; rel=\"first\"");
  }

  @Test
  void goesDownAndComesBackOnTheSamePort() throws Exception {
    github.goDown(Outage.ANSWER_503);
    assertThat(send("GET", "/repos/acme/pms/issues", null).statusCode()).isEqualTo(503);
    github.goDown(Outage.REFUSE_CONNECTIONS);
    assertThat(refused()).isTrue();
    github.comeBack();
    assertThat(send("GET", "/repos/acme/pms/issues", null).statusCode()).isEqualTo(200);
    assertThat(github.requests()).hasSize(2);
  }

  @Test
  void injectsSecondaryLimitsOnWritesOnlyAndFailuresOnTheNextRequest() throws Exception {
    github.secondaryRateLimitNextWrites(2, Duration.ofSeconds(7));
    assertThat(send("GET", "/repos/acme/pms/issues", null).statusCode()).isEqualTo(200);
    HttpResponse<String> limited = send("POST", "/repos/acme/pms/issues", "{\"title\":\"t\"}");
    assertThat(limited.statusCode()).isEqualTo(403);
    assertThat(limited.headers().firstValue("retry-after")).contains("7");
    assertThat(limited.body()).contains("You have exceeded a secondary rate limit");
    assertThat(send("POST", "/repos/acme/pms/issues", "{\"title\":\"t\"}").statusCode()).isEqualTo(403);
    assertThat(send("POST", "/repos/acme/pms/issues", "{\"title\":\"t\"}").statusCode()).isEqualTo(201);

    github.failNext(500);
    assertThat(send("GET", "/repos/acme/pms/issues/1", null).statusCode()).isEqualTo(500);
    assertThat(send("GET", "/repos/acme/pms/issues/1", null).statusCode()).isEqualTo(200);
    assertThat(github.writeRequests()).isEqualTo(3);
    assertThat(github.requests()).extracting(FakeRequest::method)
        .containsExactly("GET", "POST", "POST", "POST", "GET", "GET");
  }

  @Test
  void answersAfterTheLatency() throws Exception {
    github.latency(Duration.ofMillis(300));
    long start = System.nanoTime();

    send("GET", "/repos/acme/pms/issues", null);

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
  }

  private List<Integer> numbers(String pathAndQuery) throws Exception {
    HttpResponse<String> r = send("GET", pathAndQuery, null);
    assertThat(r.statusCode()).as(pathAndQuery).isEqualTo(200);
    return Fixtures.JSON.readTree(r.body()).findValues("number").stream().map(JsonNode::asInt).toList();
  }

  // "<status> <message>[ <resource>.<field> <code>[ <message>]]"
  private String error(String method, String path, String body) throws Exception {
    HttpResponse<String> r = send(method, path, body);
    JsonNode json = Fixtures.JSON.readTree(r.body());
    StringBuilder s = new StringBuilder(r.statusCode() + " " + json.path("message").asText());
    for (JsonNode e : json.path("errors")) {
      s.append(' ').append(e.path("resource").asText()).append('.').append(e.path("field").asText())
          .append(' ').append(e.path("code").asText());
      if (e.has("message")) {
        s.append(' ').append(e.path("message").asText());
      }
    }
    return s.toString();
  }

  private HttpResponse<String> send(String method, String pathAndQuery, String body) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create(github.baseUrl() + pathAndQuery))
        .header("Authorization", "Bearer " + TOKEN)
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
        .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private boolean refused() throws InterruptedException {
    try {
      HttpClient fresh = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      fresh.send(HttpRequest.newBuilder(github.baseUrl().resolve("/")).build(), HttpResponse.BodyHandlers.discarding());
      return false;
    } catch (ConnectException e) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
