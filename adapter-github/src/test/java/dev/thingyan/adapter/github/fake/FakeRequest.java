package dev.thingyan.adapter.github.fake;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A request as {@link FakeGitHubIssues} received it, for assertions.
 *
 * @param path the raw path, e.g. {@code /repos/acme/pms/issues/7/comments}
 * @param query the raw query without {@code ?}, or "" when there was none
 * @param headers every header, names lower-cased
 * @param body the request body as UTF-8 text, "" when there was none
 */
public record FakeRequest(String method, String path, String query, Map<String, List<String>> headers,
    String body) {
  private static final Set<String> WRITES = Set.of("POST", "PATCH", "PUT", "DELETE");

  public FakeRequest {
    headers = Map.copyOf(headers);
  }

  /** @return the first value of a header, by case-insensitive name */
  public Optional<String> header(String name) {
    List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  /** @return true for a request that changes something (GitHub's content-creating kind) */
  public boolean isWrite() {
    return WRITES.contains(method);
  }

  /** @return e.g. {@code POST /repos/acme/pms/issues} */
  @Override
  public String toString() {
    return method + " " + path + (query.isEmpty() ? "" : "?" + query);
  }
}
