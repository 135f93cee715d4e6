package dev.thingyan.adapter.http.probe;

import static dev.thingyan.adapter.http.probe.LoopbackServer.answer;
import static dev.thingyan.adapter.http.probe.LoopbackServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.thingyan.ports.model.ProbeContext;
import dev.thingyan.ports.model.ProbeResult;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class HttpPrecheckProbeTest {

  private static final String PATH = "/api/system/update-precheck";

  private static ProbeResult precheck(LoopbackServer server) {
    return new HttpPrecheckProbe(HttpTarget.of(server.url(PATH))).probe(ProbeContext.ANY);
  }

  @Test
  void aSuccessfulAnswerLetsTheUpdateGoOn() throws Exception {
    try (var server = new LoopbackServer(json(200, "{\"ok\":true}"))) {
      var probe = new HttpPrecheckProbe(HttpTarget.of(server.url(PATH)));
      assertThat(probe.probe(ProbeContext.ANY)).isEqualTo(
          ProbeResult.ok("GET " + server.url(PATH) + " -> 200"));
      assertThat(probe.name()).isEqualTo("http precheck " + PATH);
    }
  }

  @Test
  void blocksWithTheReasonField() throws Exception {
    try (var server = new LoopbackServer(json(409, "{\"ok\":false,\"reason\":\"Folio 12 is open\"}"))) {
      ProbeResult r = precheck(server);
      assertThat(r.ok()).isFalse();
      assertThat(r.detail()).isEqualTo(
          "GET " + server.url(PATH) + " -> 409, the app blocks the update: Folio 12 is open");
    }
  }

  @Test
  void blocksWithEveryReasonOfTheList() throws Exception {
    try (var server = new LoopbackServer(json(423,
        "{\"reasons\":[\"Check-in of room 201 in progress\",\"Night audit running\"]}"))) {
      assertThat(precheck(server).detail()).endsWith(
          ": Check-in of room 201 in progress; Night audit running");
    }
  }

  @Test
  void blocksWithTheMessageField() throws Exception {
    try (var server = new LoopbackServer(json(503, "{\"message\":\"Service Unavailable\"}"))) {
      ProbeResult r = precheck(server);
      assertThat(r.ok()).isFalse();
      assertThat(r.detail()).endsWith("-> 503, the app blocks the update: Service Unavailable");
    }
  }

  @Test
  void blocksWithTheStartOfAPlainTextBody() throws Exception {
    String text = "Busy: " + "z".repeat(500);
    try (var server = new LoopbackServer(answer(500, "text/plain", text))) {
      ProbeResult r = precheck(server);
      assertThat(r.ok()).isFalse();
      assertThat(r.detail()).endsWith(text.substring(0, 300) + "…");
    }
  }

  @Test
  void blocksWhenTheAppGivesNoReason() throws Exception {
    try (var server = new LoopbackServer(answer(403, "text/plain", ""))) {
      assertThat(precheck(server).detail()).endsWith("-> 403, the app blocks the update: (it gave no reason)");
    }
  }

  @Test
  void blocksWhenTheAppCannotBeAsked() throws Exception {
    int port;
    try (var s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    ProbeResult r = new HttpPrecheckProbe(HttpTarget.of("http://127.0.0.1:" + port + PATH))
        .probe(ProbeContext.ANY);
    assertThat(r.ok()).isFalse();
    assertThat(r.detail()).contains("connection refused").contains("update is held back");
  }

  @Test
  void blocksWhenTheAppDoesNotAnswerInTime() throws Exception {
    try (var silent = SilentServer.neverAnswers()) {
      var target = HttpTarget.of(silent.url(PATH)).withTimeout(Duration.ofMillis(400));
      ProbeResult r = new HttpPrecheckProbe(target).probe(ProbeContext.ANY);
      assertThat(r.ok()).isFalse();
      assertThat(r.detail()).contains("timeout after 400ms");
    }
  }
}
