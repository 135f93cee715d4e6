package dev.thingyan.bootstrap.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import dev.thingyan.bootstrap.DemoEnvironment;
import dev.thingyan.bootstrap.demo.SampleEdition;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * THINGYAN_FAULT kills the standalone CLI at a fault point (the crash tests need that), but an
 * embedding host's environment is not thingyan's to read: the same variable in a host's process
 * changes nothing.
 */
class FaultEnvironmentTest {

  @TempDir Path dir;

  @Test
  void aHostWithThingyanFaultInItsEnvironmentIsNotKilled() throws Exception {
    try (DemoEnvironment env = new DemoEnvironment(dir)) {
      env.publish(SampleEdition.V1);
      ProcessBuilder pb = new ProcessBuilder(List.of(
          ProcessHandle.current().info().command().orElse("java"), "-cp",
          System.getProperty("java.class.path"), FaultEnvironmentHost.class.getName(),
          env.configFile().toString()));
      pb.environment().put("THINGYAN_FAULT", "after-step-end:download,after-step-end:extract");
      pb.redirectErrorStream(true);
      Process host = pb.start();
      String out = new String(host.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(host.waitFor(3, TimeUnit.MINUTES)).isTrue();

      assertThat(out).doesNotContain("fault point").contains("run ended: COMPLETED");
      assertThat(host.exitValue()).as(out).isZero();
    }
  }
}
