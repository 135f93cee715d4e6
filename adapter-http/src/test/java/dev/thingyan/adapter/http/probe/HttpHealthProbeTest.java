package dev.thingyan.adapter.http.probe;

import static dev.thingyan.adapter.http.probe.LoopbackServer.answer;
import static dev.thingyan.adapter.http.probe.LoopbackServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.thingyan.ports.model.ProbeContext;
import dev.thingyan.ports.model.ProbeResult;
import dev.thingyan.ports.model.Version;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HttpHealthProbeTest {

  private static final ProbeContext EXPECT_120 =
      new ProbeContext(Optional.of(Version.parse("1.2.0")));

  private static ProbeResult probe(LoopbackServer server, ProbeContext context) {
    return new HttpHealthProbe(HttpTarget.of(server.url("/health"))).probe(context);
  }

  @Test
  void passesWhenTheBodyReportsTheExpectedAppVersion() throws Exception {
    try (var server = new LoopbackServer(json(200, "{\"status\":\"ok\",\"app_version\":\"1.2.0\"}"))) {
      ProbeResult r = probe(server, EXPECT_120);
      assertThat(r.ok()).isTrue();
      assertThat(r.detail()).isEqualTo("GET " + server.url("/health") + " -> 200, app_version 1.2.0");
    }
  }

  @Test
  void acceptsAVersionFieldAndATagSpelling() throws Exception {
    try (var server = new LoopbackServer(json(200, "{\"version\": \"v1.2.0\"}"))) {
      ProbeResult r = probe(server, EXPECT_120);
      assertThat(r.ok()).as(r.detail()).isTrue();
      assertThat(r.detail()).endsWith("-> 200, version v1.2.0");
    }
  }

  @Test
  void failsWhenTheOldVersionIsStillAnswering() throws Exception {
    try (var server = new LoopbackServer(json(200, "{\"status\":\"ok\",\"app_version\":\"1.1.0\"}"))) {
      ProbeResult r = probe(server, EXPECT_120);
      assertThat(r.ok()).isFalse();
      assertThat(r.detail()).contains("-> 200").contains("body reports 1.1.0 while 1.2.0 is expected");
    }
  }

  @Test
  void failsOnAnUnexpectedStatusAndShowsTheBody() throws Exception {
    try (var server = new LoopbackServer(json(503, "{\"status\":\"down\",\"error\":\"database\"}"))) {
      ProbeResult r = probe(server, EXPECT_120);
      assertThat(r.ok()).isFalse();
      assertThat(r.detail()).contains("-> 503 (expected 200)").contains("\"error\":\"database\"");
    }
  }

  @Test
  void acceptsAnyConfiguredStatusWithoutAVersionCheck() throws Exception {
    try (var server = new LoopbackServer(answer(204, "text/plain", ""))) {
      var probe = new HttpHealthProbe(HttpTarget.of(server.url("/health")), Set.of(200, 204),
          VersionCheck.NONE);
      assertThat(probe.probe(EXPECT_120)).isEqualTo(
          ProbeResult.ok("GET " + server.url("/health") + " -> 204"));
      assertThat(probe.name()).isEqualTo("http /health");
    }
  }

  @Test
  void aBodyWithoutAVersionFailsOnlyWhenAVersionIsExpected() throws Exception {
    try (var server = new LoopbackServer(answer(200, "text/plain", "OK"))) {
      assertThat(probe(server, ProbeContext.ANY).ok()).isTrue();
      ProbeResult r = probe(server, EXPECT_120);
      assertThat(r.ok()).isFalse();
      assertThat(r.detail()).contains("cannot show that 1.2.0 is serving");
    }
  }

  @Test
  void containsModeLooksForTheLiteralVersion() throws Exception {
    try (var server = new LoopbackServer(answer(200, "text/html", "<p>PMS 1.2.0 up</p>"))) {
      var target = HttpTarget.of(server.url("/health"));
      var contains = new HttpHealthProbe(target, Set.of(200), VersionCheck.CONTAINS);
      assertThat(contains.probe(EXPECT_120).ok()).isTrue();
      ProbeResult r = contains.probe(new ProbeContext(Optional.of(Version.parse("1.3.0"))));
      assertThat(r.ok()).isFalse();
      assertThat(r.detail()).contains("does not contain 1.3.0");
    }
  }

  @Test
  void versionCheckNoneIgnoresTheBody() throws Exception {
    try (var server = new LoopbackServer(json(200, "{\"app_version\":\"0.9.0\"}"))) {
      var probe = new HttpHealthProbe(HttpTarget.of(server.url("/health")), Set.of(200),
          VersionCheck.NONE);
      assertThat(probe.probe(EXPECT_120).ok()).isTrue();
    }
  }
}
