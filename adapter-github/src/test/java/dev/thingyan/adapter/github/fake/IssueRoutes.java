package dev.thingyan.adapter.github.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The endpoints: create, get, update an issue, comment on one, list them. Validation answers as
 * GitHub does: 422 with an {@code errors} entry naming the field, 400 for a body that is not JSON,
 * 404 for an unknown repository or issue.
 */
final class IssueRoutes {
  /** GitHub's issue title and body limits (characters). */
  static final int TITLE_CHARS = 256;
  static final int BODY_CHARS = 65_536;
  /** The id next-page links use, as GitHub's {@code /repositories/{id}/issues} links do. */
  static final String BY_ID = "/repositories/1000/issues";
  private static final Pattern REPO_PATH =
      Pattern.compile("/repos/([^/]+)/([^/]+)/issues(?:/(\\d+)(/comments)?)?/?");

  private final IssueStore store;
  private final IssueJson json;
  private final String repository;
  private final String api;

  IssueRoutes(IssueStore store, String api, String repository) {
    this.store = store;
    this.json = new IssueJson(api, repository);
    this.api = api;
    this.repository = repository;
  }

  Reply answer(FakeRequest r) {
    if (r.path().equals(BY_ID) && r.method().equals("GET")) {
      return IssueListing.answer(r, store, json, api + BY_ID);
    }
    Matcher m = REPO_PATH.matcher(r.path());
    if (!m.matches() || !(m.group(1) + "/" + m.group(2)).equalsIgnoreCase(repository)) {
      return notFound();
    }
    if (m.group(3) == null) {
      return switch (r.method()) {
        case "GET" -> IssueListing.answer(r, store, json, api + BY_ID);
        case "POST" -> create(r);
        default -> notFound();
      };
    }
    long number = Long.parseLong(m.group(3));
    if (m.group(4) != null) {
      return switch (r.method()) {
        case "POST" -> comment(number, r);
        case "GET" -> comments(number);
        default -> notFound();
      };
    }
    return switch (r.method()) {
      case "GET" -> store.find(number).map(i -> Reply.json(200, json.issue(i, false))).orElseGet(IssueRoutes::notFound);
      case "PATCH" -> update(number, r);
      default -> notFound();
    };
  }

  private Reply create(FakeRequest r) {
    Optional<JsonNode> body = parse(r.body());
    if (body.isEmpty()) {
      return problemsParsingJson();
    }
    JsonNode in = body.get();
    String title = in.path("title").isValueNode() ? in.path("title").asText() : "";
    if (title.isBlank()) {
      return Reply.json(422, IssueJson.validationFailed("Issue", "missing_field", "title", null));
    }
    Optional<Reply> invalid = checkText(title, in.path("body").asText(""), "Issue");
    if (invalid.isPresent()) {
      return invalid.get();
    }
    Optional<List<String>> labels = labels(in.path("labels"));
    if (labels.isEmpty()) {
      return Reply.json(422, IssueJson.validationFailed("Issue", "invalid", "labels", null));
    }
    FakeIssue issue = store.create(title, in.path("body").asText(""), labels.get(), false);
    return Reply.json(201, json.issue(issue, false)).with("location", json.issueUrl(issue.number()));
  }

  /** "List issue comments": every comment ({@code since} is not applied: more is still correct). */
  private Reply comments(long number) {
    Optional<FakeIssue> issue = store.find(number);
    if (issue.isEmpty()) {
      return notFound();
    }
    com.fasterxml.jackson.databind.node.ArrayNode all =
        com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
    List<String> bodies = issue.get().comments();
    for (int i = 0; i < bodies.size(); i++) {
      all.add(json.comment(issue.get(), number * 1000 + i + 1, bodies.get(i),
          issue.get().updatedAt()));
    }
    return Reply.json(200, all);
  }

  private Reply comment(long number, FakeRequest r) {
    Optional<JsonNode> body = parse(r.body());
    if (body.isEmpty()) {
      return problemsParsingJson();
    }
    String text = body.get().path("body").asText("");
    if (text.isBlank()) {
      return Reply.json(422, IssueJson.validationFailed("IssueComment", "missing_field", "body", null));
    }
    if (text.codePointCount(0, text.length()) > BODY_CHARS) {
      return Reply.json(422, IssueJson.validationFailed("IssueComment", "custom", "body",
          "body is too long (maximum is " + BODY_CHARS + " characters)"));
    }
    Optional<Long> id = store.comment(number, text);
    if (id.isEmpty()) {
      return notFound();
    }
    FakeIssue issue = store.find(number).orElseThrow();
    return Reply.json(201, json.comment(issue, id.get(), text, store.now()))
        .with("location", api + "/repos/" + repository + "/issues/comments/" + id.get());
  }

  private Reply update(long number, FakeRequest r) {
    Optional<JsonNode> body = parse(r.body());
    if (body.isEmpty()) {
      return problemsParsingJson();
    }
    JsonNode in = body.get();
    String state = in.path("state").asText("");
    if (!state.isEmpty() && !state.equals("open") && !state.equals("closed")) {
      return Reply.json(422, IssueJson.validationFailed("Issue", "invalid", "state", null));
    }
    Optional<FakeIssue> current = store.find(number);
    if (current.isEmpty()) {
      return notFound();
    }
    String title = in.path("title").asText(current.get().title());
    String text = in.path("body").asText(current.get().body());
    Optional<Reply> invalid = checkText(title, text, "Issue");
    Optional<List<String>> labels = in.has("labels") ? labels(in.get("labels")) : Optional.of(current.get().labels());
    if (invalid.isPresent() || labels.isEmpty()) {
      return invalid.orElseGet(() -> Reply.json(422, IssueJson.validationFailed("Issue", "invalid", "labels", null)));
    }
    Instant now = store.now();
    FakeIssue changed = store.change(number, i -> {
      FakeIssue t = i.withText(title, text, labels.get(), now);
      return state.isEmpty() || t.open() == state.equals("open") ? t : t.withState(state.equals("open"), now);
    }).orElseThrow();
    return Reply.json(200, json.issue(changed, false));
  }

  // GitHub counts characters, not UTF-16 units: a Burmese title is measured like a Latin one.
  private static Optional<Reply> checkText(String title, String body, String resource) {
    if (title.codePointCount(0, title.length()) > TITLE_CHARS) {
      return Optional.of(Reply.json(422, IssueJson.validationFailed(resource, "custom", "title",
          "title is too long (maximum is " + TITLE_CHARS + " characters)")));
    }
    if (body.codePointCount(0, body.length()) > BODY_CHARS) {
      return Optional.of(Reply.json(422, IssueJson.validationFailed(resource, "custom", "body",
          "body is too long (maximum is " + BODY_CHARS + " characters)")));
    }
    return Optional.empty();
  }

  // Label names as strings; a label that does not exist yet is created, as GitHub does for a
  // token with push access.
  private static Optional<List<String>> labels(JsonNode node) {
    if (node.isMissingNode() || node.isNull()) {
      return Optional.of(List.of());
    }
    if (!(node instanceof ArrayNode array)) {
      return Optional.empty();
    }
    List<String> names = new ArrayList<>();
    for (JsonNode n : array) {
      String name = n.isTextual() ? n.asText() : n.path("name").asText("");
      if (name.isBlank()) {
        return Optional.empty();
      }
      if (names.stream().noneMatch(name::equalsIgnoreCase)) {
        names.add(name);
      }
    }
    return Optional.of(names);
  }

  private static Optional<JsonNode> parse(String body) {
    try {
      JsonNode node = IssueJson.JSON.readTree(body);
      return node != null && node.isObject() ? Optional.of(node) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  static Reply notFound() {
    return Reply.json(404, IssueJson.error("Not Found", IssueJson.DOCS));
  }

  private static Reply problemsParsingJson() {
    return Reply.json(400, IssueJson.error("Problems parsing JSON", IssueJson.DOCS));
  }
}
