package dev.thingyan.bootstrap.demo;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A request {@link DemoReleaseServer} received, so tests can check what a client sent where.
 *
 * @param server {@code api} (the GitHub API host) or {@code storage} (the download host)
 * @param target the path with its query, as sent
 */
public record RecordedRequest(String server, String method, String target,
    Map<String, List<String>> headers) {

  public RecordedRequest {
    Objects.requireNonNull(server, "server");
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(target, "target");
    headers = Map.copyOf(headers);
  }

  /** @return the first value of a header, its name compared without case */
  public Optional<String> header(String name) {
    return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
        .flatMap(e -> e.getValue().stream()).findFirst();
  }
}
