package dev.thingyan.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.thingyan.bootstrap.demo.DemoRelease;
import dev.thingyan.bootstrap.demo.SampleEdition;
import dev.thingyan.ports.model.Run;
import dev.thingyan.ports.model.RunOptions;
import dev.thingyan.ports.model.RunState;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A first install that fails has no earlier release to return to: it ends {@code rollback_failed}
 * with the failed release still {@code current}, so its folder stays (nothing else could serve),
 * but its downloads go. Once a good release replaces it, the failed folder is removed: it never
 * served as a completed update's release, so it is neither counted nor kept as a rollback target.
 */
class FailedFirstInstallTest {

  @TempDir Path dir;
  private Sandbox sandbox;

  @AfterEach
  void stop() {
    if (sandbox != null) sandbox.close();
  }

  @Test
  void theFailedFirstReleaseStaysWhileCurrentAndGoesOnceAGoodOneReplacesIt() {
    sandbox = new Sandbox(dir);
    DemoRelease broken = sandbox.releases.of(SampleEdition.V1, "1.0.0").brokenHealth("e2e: broken first release").build();

    Run first = sandbox.install(broken);

    assertThat(first.state()).as(() -> sandbox.log(first)).isEqualTo(RunState.ROLLBACK_FAILED);
    Path failed = UpdateFlowTest.realPath(first.releaseDir().orElseThrow());
    assertThat(sandbox.current()).contains(failed);
    assertThat(sandbox.downloads()).isEmpty();
    // the app never worked: its repair is the next release, so the block goes and the gate stays
    sandbox.system.resolveBlock().resolve(Sandbox.ADMIN, "e2e: a good release follows", true);
    assertThat(sandbox.maintenanceFlag()).isTrue();

    sandbox.env.server().publish(sandbox.releases.of(SampleEdition.V1, "1.0.1").build());
    Run good = sandbox.apply(null, RunOptions.DEFAULT);

    assertThat(good.state()).as(() -> sandbox.log(good)).isEqualTo(RunState.COMPLETED);
    assertThat(sandbox.health()).startsWith("200 ").contains("\"app_version\":\"1.0.1\"");
    assertThat(sandbox.maintenanceFlag()).as("lowered once 1.0.1 answered healthy").isFalse();
    assertThat(failed).doesNotExist();
    assertThat(sandbox.releaseFolders()).singleElement().asString().startsWith("1.0.1-");
    assertThat(sandbox.log(good)).contains("removed failed releases: [" + failed.getFileName() + "]");
    assertThat(sandbox.downloads()).isEmpty();
  }
}
