package dev.thingyan.adapter.http.probe;

import static dev.thingyan.adapter.http.probe.LoopbackServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.thingyan.ports.model.ProbeContext;
import dev.thingyan.ports.model.ProbeResult;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The ways a health endpoint fails to answer, and the headers and redirects a probe handles. */
class HttpHealthProbeFailureTest {

  private static ProbeResult probe(String url, Duration timeout) {
    return new HttpHealthProbe(HttpTarget.of(url).withTimeout(timeout)).probe(ProbeContext.ANY);
  }

  @Test
  void aServerThatNeverAnswersTimesOutOnTime() throws Exception {
    try (var silent = SilentServer.neverAnswers()) {
      long start = System.nanoTime();
      ProbeResult r = probe(silent.url("/health"), Duration.ofMillis(500));
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
      assertThat(r.ok()).isFalse();
      assertThat(r.detail()).isEqualTo("GET " + silent.url("/health") + ": timeout after 500ms");
    }
  }

  @Test
  void aBodyThatStallsAfterTheHeadersTimesOutToo() throws Exception {
    try (var silent = SilentServer.stallsInBody()) {
      long start = System.nanoTime();
      ProbeResult r = probe(silent.url("/health"), Duration.ofMillis(700));
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
      assertThat(r.ok()).isFalse();
      assertThat(r.detail()).contains("timeout after 700ms");
    }
  }

  @Test
  void aClosedPortIsReportedAsConnectionRefused() throws Exception {
    int port;
    try (var s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    ProbeResult r = probe("http://127.0.0.1:" + port + "/health", Duration.ofSeconds(2));
    assertThat(r.ok()).isFalse();
    assertThat(r.detail()).contains(":" + port + "/health: connection refused");
  }

  @Test
  void anEndlessBodyIsReadOnlyUpToTheLimit() throws Exception {
    try (var server = new LoopbackServer(exchange -> {
      exchange.sendResponseHeaders(200, 0);
      OutputStream out = exchange.getResponseBody();
      byte[] chunk = new byte[8192];
      java.util.Arrays.fill(chunk, (byte) 'x');
      for (int i = 0; i < 100_000; i++) {
        out.write(chunk);
      }
    })) {
      ProbeResult r = probe(server.url("/health"), Duration.ofSeconds(5));
      assertThat(r.ok()).as(r.detail()).isTrue();
    }
  }

  @Test
  void sendsTheConfiguredHeadersIncludingHost() throws Exception {
    try (var server = new LoopbackServer(json(200, "{\"app_version\":\"1.0.0\"}"))) {
      var target = HttpTarget.of(server.url("/health"))
          .withHeaders(Map.of("Host", "pms.example.test", "X-Probe", "thingyan"));
      assertThat(new HttpHealthProbe(target).probe(ProbeContext.ANY).ok()).isTrue();
      assertThat(server.requests.get(0).get("Host")).containsExactly("pms.example.test");
      assertThat(server.requests.get(0).get("X-probe")).containsExactly("thingyan");
    }
  }

  @Test
  void followsARedirectOnTheSameHostAndPort() throws Exception {
    try (var server = new LoopbackServer(exchange -> {
      if (exchange.getRequestURI().getPath().equals("/health")) {
        exchange.getResponseHeaders().set("Location", "/health/");
        exchange.sendResponseHeaders(301, -1);
      } else {
        json(200, "{\"app_version\":\"1.0.0\"}").handle(exchange);
      }
    })) {
      ProbeResult r = probe(server.url("/health"), Duration.ofSeconds(2));
      assertThat(r.ok()).as(r.detail()).isTrue();
      assertThat(server.requests).hasSize(2);
    }
  }

  @Test
  void doesNotFollowARedirectToAnotherHostOrPort() throws Exception {
    try (var other = new LoopbackServer(json(200, "{\"app_version\":\"1.0.0\"}"));
        var server = new LoopbackServer(exchange -> {
          exchange.getResponseHeaders().set("Location", other.url("/health"));
          exchange.sendResponseHeaders(302, -1);
        })) {
      var target = HttpTarget.of(server.url("/health"))
          .withHeaders(Map.of("Authorization", "Bearer secret-token"));
      ProbeResult r = new HttpHealthProbe(target).probe(ProbeContext.ANY);
      assertThat(r.ok()).isFalse();
      assertThat(r.detail()).contains("302 redirecting to " + other.url("/health"))
          .contains("another host").doesNotContain("secret-token");
      assertThat(other.requests).isEmpty();
    }
  }

  @Test
  void theDetailLeavesOutTheQueryAndUserInfo() throws Exception {
    try (var server = new LoopbackServer(json(200, "{}"))) {
      String url = server.url("/health?token=s3cret").replace("http://", "http://user:pw@");
      ProbeResult r = probe(url, Duration.ofSeconds(2));
      assertThat(r.detail()).isEqualTo("GET " + server.url("/health") + " -> 200")
          .doesNotContain("s3cret").doesNotContain("pw");
    }
  }
}
