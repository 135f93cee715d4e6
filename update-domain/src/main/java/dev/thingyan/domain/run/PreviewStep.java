package dev.thingyan.domain.run;

import dev.thingyan.ports.model.LogLevel;
import dev.thingyan.ports.model.Run;
import dev.thingyan.ports.model.StepRecord;
import dev.thingyan.ports.out.PreviewServer;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The preview at the start of {@code health_check}: the staged release is served privately and
 * asked by the HTTP health checks, expecting the new version, before the swap. A release that
 * fails it never reaches a production request; the run goes to {@code rollback_running} with
 * nothing to swap back (and the database restored only if migrations ran, as always). Whatever
 * served the preview is stopped on every path: here in a {@code finally}, and after a crash by
 * start-up recovery ({@link #cleanUpAfterCrash}).
 */
final class PreviewStep {

  /** The step's name in the journal, the CLI and the failed-release policy. */
  static final String STEP = "preview_health";

  /** Recovery's step when a killed process may have left the preview serving. */
  static final String CLEANUP_STEP = "preview_stop";

  private final RunServices s;

  PreviewStep(RunServices services) {
    this.s = services;
  }

  /** @throws StepFailedException naming the preview check, when the staged release fails it */
  void check(RunRecorder rec, Path staging) {
    Optional<PreviewServer> configured = s.ports.preview().filter(PreviewServer::serves);
    if (configured.isEmpty()) {
      return;
    }
    PreviewServer server = configured.get();
    Run run = rec.run();
    rec.step(STEP, () -> {
      try {
        URI origin = server.start(staging, (err, line) -> rec.log(err ? LogLevel.WARN : LogLevel.INFO, STEP, line));
        rec.fault("preview:serving");
        String passed = s.health.preview(rec::log, STEP, run.targetVersion(), origin);
        return StepResult.done(null, "before the swap, the staged release served by " + server.describe()
            + " at " + origin + ": " + passed);
      } catch (StepFailedException e) {
        throw new StepFailedException(STEP, "preview check failed before the swap (" + server.describe()
            + "), so no production request reached the release: " + e.getMessage(), e);
      } catch (RuntimeException e) {
        throw new StepFailedException(STEP, "preview check failed: the staged release could not be served ("
            + server.describe() + "): " + RunRecorder.describe(e) + "; no production request reached it", e);
      } finally {
        stop(rec, server);
      }
    });
  }

  private static void stop(RunRecorder rec, PreviewServer server) {
    try {
      server.stop().forEach(line -> rec.log(LogLevel.INFO, STEP, line));
    } catch (RuntimeException e) {
      rec.log(LogLevel.WARN, STEP, "could not stop the preview (" + RunRecorder.describe(e)
          + "); the next start of thingyan tries again");
    }
  }

  /**
   * A killed process may have left the preview link or a throwaway server: when the run reached
   * the preview, they are removed (recorded as a step) before the run is recovered.
   */
  void cleanUpAfterCrash(RunRecorder rec) {
    Optional<PreviewServer> configured = s.ports.preview();
    List<StepRecord> steps = s.ports.journal().steps(rec.run().id());
    if (configured.isEmpty() || steps.stream().noneMatch(st -> st.step().equals(STEP))) {
      return;
    }
    PreviewServer server = configured.get();
    try {
      rec.step(CLEANUP_STEP, () -> {
        List<String> removed = server.stop();
        return removed.isEmpty()
            ? StepResult.skipped(null, "nothing of the preview was left (" + server.describe() + ")")
            : StepResult.done(null, "left by the stopped process: " + String.join("; ", removed));
      });
    } catch (StepFailedException e) {
      // recorded; the recovery goes on (the next start tries again)
    }
  }
}
