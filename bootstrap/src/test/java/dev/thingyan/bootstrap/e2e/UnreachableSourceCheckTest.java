package dev.thingyan.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.thingyan.ports.in.UpdateCheck;
import dev.thingyan.ports.in.UpdateRequest;
import dev.thingyan.ports.model.RunOptions;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18: with GitHub unreachable, {@code check} used to answer like "no newer release". The
 * wired system, pointed at a loopback port nothing listens on, says it could not ask.
 */
class UnreachableSourceCheckTest {
  @TempDir Path dir;

  @Test
  void aSourceThatDoesNotAnswerIsCouldNotCheckNotUpToDate() throws Exception {
    int closed;
    try (ServerSocket s = new ServerSocket(0)) {
      closed = s.getLocalPort();
    }
    String deadApi = "api_url: http://127.0.0.1:" + closed;
    try (Sandbox sandbox = new Sandbox(dir, yaml -> yaml.replaceFirst("api_url: \\S+", deadApi))) {
      UpdateCheck check = sandbox.system.checkForUpdates().check(
          new UpdateRequest(Sandbox.ADMIN, Optional.empty(), RunOptions.DEFAULT));

      assertThat(check.sourceFailure()).isPresent();
      assertThat(check.candidate()).isEmpty();
      assertThat(check.ready()).isFalse();
    }
  }
}
