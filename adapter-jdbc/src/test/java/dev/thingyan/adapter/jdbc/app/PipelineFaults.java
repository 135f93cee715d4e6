package dev.thingyan.adapter.jdbc.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.thingyan.ports.out.BackupException;
import dev.thingyan.ports.out.DatabaseDumper;
import dev.thingyan.ports.out.DatabaseDumper.ProgressSink;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.AbstractThrowableAssert;

/** The faults of a dump piped through a compressor program, the same for every dumper. */
final class PipelineFaults {

  private PipelineFaults() {}

  /** Either process killed at the first compressed bytes is a failed backup naming it. */
  static void killedHalfwayIsAFailedBackup(DatabaseDumper dumper, String tool, String secret) {
    for (String victim : List.of(tool, "gzip")) {
      List<String> args = new ArrayList<>();
      OutputStream killer = DumpStreams.triggerAfter(0, DumpStreams.kill(victim, args));
      assertThatThrownBy(() -> dumper.dump(killer, ProgressSink.NONE, new DumpStreams.GzipProgram()))
          .isInstanceOf(BackupException.class)
          .hasMessageContaining(victim + " was killed")
          .hasMessageContaining("no backup was made")
          .hasMessageNotContaining(secret);
      assertThat(args).as(victim).isNotEmpty().noneMatch(a -> a.contains(secret));
    }
  }

  /** A store failing mid-dump stops both processes. */
  static void aFailingStoreStopsBoth(DatabaseDumper dumper, String tool) {
    assertThatThrownBy(
            () ->
                dumper.dump(
                    DumpStreams.fullAfter(16 << 10), ProgressSink.NONE, new DumpStreams.GzipProgram()))
        .isInstanceOf(BackupException.class)
        .hasMessageContaining("No space left on device")
        .hasMessageContaining(tool + " was stopped");
    assertThat(DumpStreams.children(tool)).isEmpty();
    assertThat(DumpStreams.children("gzip")).isEmpty();
  }

  /** @return the failure of a dump through a compressor program that is not installed */
  static AbstractThrowableAssert<?, ? extends Throwable> missingCompressor(DatabaseDumper dumper) {
    return assertThatThrownBy(
            () ->
                dumper.dump(
                    new ByteArrayOutputStream(),
                    ProgressSink.NONE,
                    new DumpStreams.GzipProgram("/nonexistent/gzip")))
        .isInstanceOf(BackupException.class)
        .hasMessageContaining("/nonexistent/gzip");
  }
}
