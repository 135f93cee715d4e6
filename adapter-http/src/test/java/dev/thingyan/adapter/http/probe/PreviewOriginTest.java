package dev.thingyan.adapter.http.probe;

import static dev.thingyan.adapter.http.probe.LoopbackServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.thingyan.ports.model.ProbeContext;
import dev.thingyan.ports.model.ProbeResult;
import dev.thingyan.ports.model.Version;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * During the preview an HTTP check asks the staged release's origin, not production: same path,
 * query and headers, another host and port.
 */
class PreviewOriginTest {

  @Test
  void theCheckAsksThePreviewOriginWithItsPathQueryAndHeaders() throws Exception {
    try (var production = new LoopbackServer(json(200, "{\"app_version\":\"1.1.0\"}"));
        var preview = new LoopbackServer(json(200, "{\"app_version\":\"1.2.0\"}"))) {
      var probe = new HttpHealthProbe(new HttpTarget(URI.create(production.url("/health?deep=1")),
          Duration.ofSeconds(5), Map.of("Host", "pms.example", "Accept", "application/json")),
          Set.of(200), VersionCheck.JSON_FIELD);
      URI origin = URI.create(preview.url("/"));

      ProbeResult r = probe.probe(new ProbeContext(Optional.of(Version.parse("1.2.0")), Optional.empty(),
          Optional.of(URI.create(origin.getScheme() + "://" + origin.getHost() + ":" + origin.getPort()))));

      assertThat(r.ok()).as(r.detail()).isTrue();
      assertThat(r.detail()).contains(":" + origin.getPort() + "/health");
      assertThat(production.requests).isEmpty();
      assertThat(preview.requests).singleElement().satisfies(h -> assertThat(h.get("Accept"))
          .containsExactly("application/json"));
      assertThat(probe.followsOrigin()).isTrue();
    }
  }

  @Test
  void theOldReleaseAnsweringThePreviewIsBroken() throws Exception {
    try (var preview = new LoopbackServer(json(200, "{\"app_version\":\"1.1.0\"}"))) {
      var probe = new HttpHealthProbe(HttpTarget.of("http://127.0.0.1:9/health"));
      URI origin = URI.create(preview.url("/"));

      ProbeResult r = probe.probe(new ProbeContext(Optional.of(Version.parse("1.2.0")), Optional.empty(),
          Optional.of(URI.create("http://127.0.0.1:" + origin.getPort()))));

      assertThat(r.verdict()).isEqualTo(ProbeResult.Verdict.BROKEN);
    }
  }
}
