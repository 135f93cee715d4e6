package dev.thingyan.adapter.github.fake;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.thingyan.adapter.github.fake.IssueStore.StateFilter;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * "List repository issues": {@code labels} (an issue must carry all), {@code state} (open by
 * default, as on GitHub), {@code since} (updated at or after), {@code per_page} (30 by default,
 * at most 100) and {@code page}, with GitHub's {@code Link} header in the recorded format
 * (paginate-issues.json): next and last on the first page, prev, next, last and first in the
 * middle, prev and first on the last.
 */
final class IssueListing {
  static final int DEFAULT_PER_PAGE = 30;
  static final int MAX_PER_PAGE = 100;

  private IssueListing() {}

  static Reply answer(FakeRequest r, IssueStore store, IssueJson json, String linkBase) {
    List<Map.Entry<String, String>> query = parse(r.query());
    List<String> labels = Arrays.stream(param(query, "labels").orElse("").split(","))
        .map(String::strip).filter(s -> !s.isEmpty()).toList();
    Optional<StateFilter> state = stateFilter(param(query, "state").orElse("open"));
    Optional<String> sinceText = param(query, "since");
    Optional<Instant> since = sinceText.flatMap(IssueListing::instant);
    if (state.isEmpty() || (sinceText.isPresent() && since.isEmpty())) {
      String field = state.isEmpty() ? "state" : "since";
      return Reply.json(422, IssueJson.validationFailed("Issue", "invalid", field, null));
    }
    int perPage = Math.max(1, Math.min(MAX_PER_PAGE, number(param(query, "per_page"), DEFAULT_PER_PAGE)));
    int page = Math.max(1, number(param(query, "page"), 1));
    List<FakeIssue> all = store.list(labels, state.get(), since);
    int last = Math.max(1, (all.size() + perPage - 1) / perPage);
    ArrayNode body = IssueJson.JSON.createArrayNode();
    all.stream().skip((long) (page - 1) * perPage).limit(perPage).forEach(i -> body.add(json.issue(i, true)));
    Reply reply = Reply.json(200, body);
    String rest = withoutPage(query);
    String link = link(linkBase + "?" + rest + (rest.isEmpty() ? "" : "&") + "page=", page, last);
    return link.isEmpty() ? reply : reply.with("link", link);
  }

  private static String link(String base, int page, int last) {
    List<String> links = new ArrayList<>();
    if (page > 1) {
      links.add("<" + base + (page - 1) + ">; rel=\"prev\"");
    }
    if (page < last) {
      links.add("<" + base + (page + 1) + ">; rel=\"next\"");
      links.add("<" + base + last + ">; rel=\"last\"");
    }
    if (page > 1) {
      links.add("<" + base + 1 + ">; rel=\"first\"");
    }
    return String.join(", ", links);
  }

  private static List<Map.Entry<String, String>> parse(String rawQuery) {
    List<Map.Entry<String, String>> pairs = new ArrayList<>();
    for (String part : rawQuery.split("&")) {
      if (!part.isEmpty()) {
        int eq = part.indexOf('=');
        String key = decode(eq < 0 ? part : part.substring(0, eq));
        pairs.add(Map.entry(key, eq < 0 ? "" : decode(part.substring(eq + 1))));
      }
    }
    return pairs;
  }

  private static String withoutPage(List<Map.Entry<String, String>> query) {
    return String.join("&", query.stream().filter(e -> !e.getKey().equals("page"))
        .map(e -> encode(e.getKey()) + "=" + encode(e.getValue())).toList());
  }

  private static Optional<String> param(List<Map.Entry<String, String>> query, String name) {
    return query.stream().filter(e -> e.getKey().equals(name)).map(Map.Entry::getValue).findFirst();
  }

  private static Optional<StateFilter> stateFilter(String value) {
    try {
      return Optional.of(StateFilter.valueOf(value.toUpperCase(Locale.ROOT)));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static Optional<Instant> instant(String value) {
    try {
      return Optional.of(Instant.parse(value));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static int number(Optional<String> value, int otherwise) {
    try {
      return value.map(Integer::parseInt).orElse(otherwise);
    } catch (NumberFormatException e) {
      return otherwise;
    }
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }

  // As GitHub (Rails' to_query) writes them into Link: "thingyan%2Ccrash", "2025-04-13T12%3A00%3A00Z".
  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
