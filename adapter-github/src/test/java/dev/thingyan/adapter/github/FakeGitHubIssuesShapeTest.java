package dev.thingyan.adapter.github;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.thingyan.adapter.github.fake.FakeGitHubIssues;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The fake answers with GitHub's shapes: the same fields as the recorded fixtures, in the same order. */
class FakeGitHubIssuesShapeTest {
  private final FakeGitHubIssues github = FakeGitHubIssues.start("acme/pms", "t0ken");
  private final HttpClient http = HttpClient.newHttpClient();

  @AfterEach
  void stop() {
    github.close();
  }

  @Test
  void aCreatedIssueHasTheRecordedFields() throws Exception {
    JsonNode recorded = Fixtures.exchange("add-labels-to-issue.json", 0).path("response");

    JsonNode created = json("POST", "/repos/acme/pms/issues", "{\"title\":\"t\",\"labels\":[\"bug\"]}");

    assertThat(fields(created)).isEqualTo(fields(recorded));
    assertThat(fields(created.path("user"))).isEqualTo(fields(recorded.path("user")));
    assertThat(fields(created.path("reactions"))).isEqualTo(fields(recorded.path("reactions")));
    JsonNode recordedLabel = Fixtures.exchange("add-labels-to-issue.json", 1).path("response").get(0);
    assertThat(fields(created.path("labels").get(0))).isEqualTo(fields(recordedLabel));
  }

  @Test
  void aListedIssueHasTheRecordedFields() throws Exception {
    github.openIssue("t", "b", List.of());
    JsonNode recorded = Fixtures.exchange("paginate-issues.json", 0).path("response").get(0);

    JsonNode listed = json("GET", "/repos/acme/pms/issues", null).get(0);

    assertThat(fields(listed)).isEqualTo(fields(recorded));
  }

  @Test
  void validationFailedHasTheRecordedFields() throws Exception {
    JsonNode recorded = Fixtures.exchange("errors.json", 0).path("response");

    JsonNode refused = json("POST", "/repos/acme/pms/issues", "{\"body\":\"no title\"}");

    assertThat(fields(refused)).isEqualTo(fields(recorded));
    assertThat(fields(refused.path("errors").get(0))).isEqualTo(fields(recorded.path("errors").get(0)));
  }

  private JsonNode json(String method, String path, String body) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create(github.baseUrl() + path))
        .header("Authorization", "Bearer t0ken")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
        .build();
    return Fixtures.JSON.readTree(http.send(request, HttpResponse.BodyHandlers.ofString()).body());
  }

  private static List<String> fields(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
