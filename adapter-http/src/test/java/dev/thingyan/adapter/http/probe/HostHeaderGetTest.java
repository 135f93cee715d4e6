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

/**
 * A probe of a virtual host (a Host header) goes over its own socket: the JVM-wide property
 * java.net.http would need is never set, since a host application embedding thingyan owns its JVM.
 */
class HostHeaderGetTest {

  private static final String RESTRICTED = "jdk.httpclient.allowRestrictedHeaders";

  @Test
  void aVirtualHostIsProbedWithoutAnyJvmWideProperty() throws Exception {
    try (var server = new LoopbackServer(json(200, "{\"app_version\":\"2.0.0\"}"))) {
      var target = HttpTarget.of(server.url("/health?x=1")).withHeaders(Map.of("host", "pms.test"));
      ProbeResult r = new HttpHealthProbe(target).probe(ProbeContext.ANY);
      assertThat(r.ok()).as(r.detail()).isTrue();
      assertThat(server.requests.get(0).get("Host")).containsExactly("pms.test");
    }
    assertThat(System.getProperty(RESTRICTED)).isNull();
  }

  @Test
  void aChunkedAnswerIsRead() throws Exception {
    try (ServerSocket socket = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
      Thread t = new Thread(() -> {
        try (var s = socket.accept(); OutputStream out = s.getOutputStream()) {
          s.getInputStream().read(new byte[4096]);
          out.write(("HTTP/1.1 503 Service Unavailable\r\nTransfer-Encoding: chunked\r\n\r\n"
              + "5\r\n{\"sta\r\n9\r\ntus\":\"x\"}\r\n0\r\n\r\n").getBytes());
        } catch (Exception ignored) {
          // the probe reports what it got
        }
      });
      t.start();
      var target = HttpTarget.of("http://127.0.0.1:" + socket.getLocalPort() + "/health")
          .withHeaders(Map.of("Host", "pms.test"));
      ProbeResult r = new HttpHealthProbe(target).probe(ProbeContext.ANY);
      t.join(5000);
      assertThat(r.ok()).isFalse();
      assertThat(r.detail()).contains("503");
    }
  }

  @Test
  void aServerThatNeverAnswersTimesOut() throws Exception {
    try (var silent = SilentServer.neverAnswers()) {
      var target = new HttpTarget(java.net.URI.create(silent.url("/health")),
          Duration.ofMillis(300), Map.of("Host", "pms.test"));
      ProbeResult r = new HttpHealthProbe(target).probe(ProbeContext.ANY);
      assertThat(r.ok()).isFalse();
      assertThat(r.detail()).isEqualTo("GET " + silent.url("/health") + ": timeout after 300ms");
    }
  }
}
