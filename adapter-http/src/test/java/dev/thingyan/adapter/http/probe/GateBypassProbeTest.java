package dev.thingyan.adapter.http.probe;

import static dev.thingyan.adapter.http.probe.LoopbackServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import dev.thingyan.ports.model.GateBypass;
import dev.thingyan.ports.model.ProbeContext;
import dev.thingyan.ports.model.ProbeResult;
import dev.thingyan.ports.model.ProbeResult.Verdict;
import dev.thingyan.ports.model.Version;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Health probes against a loopback server that behaves like Laravel 8 after
 * {@code php artisan down --secret=S}: 503 for everyone; {@code GET /S} answers 302 with
 * {@code Set-Cookie: laravel_maintenance=...}; a request with that cookie passes. And the verdicts
 * that decide fail-fast.
 */
class GateBypassProbeTest {

  private static final String SECRET = "s3cr3t-gate-Secret_0123456789abc";
  private static final GateBypass GATE = new GateBypass(SECRET);
  private static final Optional<Version> V110 = Optional.of(Version.parse("1.1.0"));

  /** Laravel's PreventRequestsDuringMaintenance, as far as a probe can see it. */
  private static void laravelDown(HttpExchange ex) throws IOException {
    String path = ex.getRequestURI().getPath();
    if (path.equals("/" + SECRET)) {
      ex.getResponseHeaders().add("Set-Cookie", "laravel_maintenance=eyJleHBpcmVzIjoxfQ%3D%3D;"
          + " expires=Tue, 08-Dec-2026 06:00:00 GMT; Max-Age=43200; path=/; httponly; samesite=lax");
      ex.getResponseHeaders().set("Location", "http://127.0.0.1/");
      ex.sendResponseHeaders(302, -1);
      return;
    }
    String cookie = String.join(";", ex.getRequestHeaders().getOrDefault("Cookie", List.of()));
    if (cookie.contains("laravel_maintenance=eyJleHBpcmVzIjoxfQ%3D%3D")) {
      json(200, "{\"status\":\"ok\",\"app_version\":\"1.1.0\",\"database\":\"ok\",\"queue\":\"ok\"}").handle(ex);
    } else {
      json(503, "{\"message\":\"Service Unavailable\"}").handle(ex);
    }
  }

  private static ProbeResult probe(LoopbackServer server, Optional<GateBypass> gate) {
    return new HttpHealthProbe(HttpTarget.of(server.url("/health"))).probe(new ProbeContext(V110, gate));
  }

  @Test
  void passesLaravelsGateWithTheBypassCookieAndNeverShowsTheSecret() throws Exception {
    try (var server = new LoopbackServer(GateBypassProbeTest::laravelDown)) {
      ProbeResult r = probe(server, Optional.of(GATE));

      assertThat(r.verdict()).as(r.detail()).isEqualTo(Verdict.OK);
      assertThat(r.detail()).contains("-> 200", "app_version 1.1.0", "bypass cookie").doesNotContain(SECRET);
      assertThat(server.requests).hasSize(2);
      assertThat(server.requests.get(0).get("X-thingyan-gate")).containsExactly(SECRET);
      assertThat(server.requests.get(1).get("Cookie")).singleElement().asString()
          .startsWith("laravel_maintenance=").doesNotContain("httponly");
      assertThat(server.requests.get(1).get("X-thingyan-gate")).containsExactly(SECRET);
    }
  }

  @Test
  void withoutTheBypassTheGatesAnswerIsNotReadyNotBroken() throws Exception {
    try (var server = new LoopbackServer(GateBypassProbeTest::laravelDown)) {
      ProbeResult r = probe(server, Optional.empty());

      assertThat(r.verdict()).as(r.detail()).isEqualTo(Verdict.NOT_READY);
      assertThat(r.detail()).contains("-> 503");
      assertThat(server.requests).hasSize(1);
    }
  }

  @Test
  void aGateRaisedWithAnotherSecretSaysHowToRaiseItRight() throws Exception {
    try (var server = new LoopbackServer(json(503, "{\"message\":\"Service Unavailable\"}"))) {
      ProbeResult r = probe(server, Optional.of(GATE));

      assertThat(r.verdict()).isEqualTo(Verdict.NOT_READY);
      assertThat(r.detail()).contains("GET /***", "THINGYAN_GATE_SECRET").doesNotContain(SECRET);
    }
  }

  @Test
  void aWebServerGateLetsTheHeaderThrough() throws Exception {
    LoopbackServer.Handler nginxGate = ex -> {
      boolean pass = SECRET.equals(ex.getRequestHeaders().getFirst("X-Thingyan-Gate"))
          && ex.getRequestURI().getPath().equals("/health");
      (pass ? json(200, "{\"app_version\":\"1.1.0\"}") : json(503, "maintenance")).handle(ex);
    };
    try (var server = new LoopbackServer(nginxGate)) {
      ProbeResult r = probe(server, Optional.of(GATE));

      assertThat(r.verdict()).as(r.detail()).isEqualTo(Verdict.OK);
    }
  }

  @Test
  void answersFromARunningAppThatProveItBrokenAreBroken() throws Exception {
    for (int status : new int[] {500, 501, 404, 403}) {
      try (var server = new LoopbackServer(json(status, "{\"message\":\"Server Error\"}"))) {
        ProbeResult r = probe(server, Optional.empty());
        assertThat(r.verdict()).as(status + ": " + r.detail()).isEqualTo(Verdict.BROKEN);
        assertThat(r.detail()).contains("-> " + status);
      }
    }
  }

  @Test
  void aWrongVersionIsBroken() throws Exception {
    try (var server = new LoopbackServer(json(200, "{\"app_version\":\"1.0.0\"}"))) {
      ProbeResult r = probe(server, Optional.empty());
      assertThat(r.verdict()).isEqualTo(Verdict.BROKEN);
      assertThat(r.detail()).contains("reports 1.0.0 while 1.1.0 is expected");
    }
  }

  @Test
  void gatewaysWithoutTheirBackendAndRefusedConnectionsAreNotReady() throws Exception {
    for (int status : new int[] {502, 503, 504}) {
      try (var server = new LoopbackServer(json(status, "{}"))) {
        assertThat(probe(server, Optional.empty()).verdict()).as("" + status).isEqualTo(Verdict.NOT_READY);
      }
    }
    int closed;
    try (ServerSocket s = new ServerSocket(0)) {
      closed = s.getLocalPort();
    }
    ProbeResult refused = new HttpHealthProbe(HttpTarget.of("http://127.0.0.1:" + closed + "/health"))
        .probe(new ProbeContext(V110, Optional.of(GATE)));
    assertThat(refused.verdict()).isEqualTo(Verdict.NOT_READY);
    assertThat(refused.detail()).contains("connection refused").doesNotContain(SECRET);
  }

  @Test
  void theVirtualHostHeaderGoesWithTheBypassRequestToo() throws Exception {
    try (var server = new LoopbackServer(GateBypassProbeTest::laravelDown)) {
      HttpTarget target = HttpTarget.of(server.url("/health")).withHeaders(Map.of("Host", "pms.example"));
      ProbeResult r = new HttpHealthProbe(target).probe(new ProbeContext(V110, Optional.of(GATE)));

      assertThat(r.ok()).as(r.detail()).isTrue();
      assertThat(server.requests).allSatisfy(h -> assertThat(h.get("Host")).containsExactly("pms.example"));
    }
  }
}
