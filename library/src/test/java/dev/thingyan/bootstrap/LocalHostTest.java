package dev.thingyan.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LocalHostTest {

  @Test
  void theHostNameIsTheKernelsAsTheHostnameCommandPrintsIt() throws Exception {
    Process hostname = new ProcessBuilder("hostname").redirectErrorStream(true).start();
    String printed = new String(hostname.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    assertThat(hostname.waitFor()).isZero();

    assertThat(LocalHost.hostName()).isEqualTo(printed);
    assertThat(new LocalHost(Clock.systemUTC()).self(Duration.ofMinutes(1)).host()).isEqualTo(printed);
  }

  @Test
  void thisProcessIsAliveAndItsHolderCarriesItsPidAndBoot() {
    LocalHost host = new LocalHost(Clock.systemUTC());
    var self = host.self(Duration.ofMinutes(1));

    assertThat(self.pid()).isEqualTo(ProcessHandle.current().pid());
    assertThat(host.isAlive(self.pid())).isTrue();
    assertThat(self.bootId()).isNotBlank().isNotEqualTo("unknown");
  }
}
