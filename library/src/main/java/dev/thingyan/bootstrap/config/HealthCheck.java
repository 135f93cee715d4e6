package dev.thingyan.bootstrap.config;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** One entry of {@code health.checks}: proof that the new version serves. */
public sealed interface HealthCheck {

  /**
   * {@code type: http}.
   *
   * @param expectStatus the status codes that pass
   * @param expectVersion the body must report the release's {@code app_version}
   */
  record Http(URI url, List<Integer> expectStatus, boolean expectVersion,
      Map<String, String> headers) implements HealthCheck {
    public Http {
      Objects.requireNonNull(url, "health.checks.url");
      expectStatus = List.copyOf(expectStatus);
      headers = Map.copyOf(headers);
      if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme())) {
        throw new IllegalArgumentException("health.checks.url: '" + url
            + "' is not an http(s) URL; e.g. http://127.0.0.1/health");
      }
      if (expectStatus.isEmpty() || expectStatus.stream().anyMatch(s -> s < 100 || s > 599)) {
        throw new IllegalArgumentException("health.checks.expect_status: expected HTTP status"
            + " codes between 100 and 599, e.g. [200]");
      }
    }
  }

  /** {@code type: database}: a read from the app's database. */
  record Database() implements HealthCheck {}

  /** {@code type: command}: a command that must exit 0, e.g. a queue ping. */
  record Command(String run) implements HealthCheck {
    public Command {
      if (run == null || run.isBlank()) {
        throw new IllegalArgumentException("health.checks.run: give the command to run");
      }
    }
  }
}
