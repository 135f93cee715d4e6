package dev.thingyan.domain.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.thingyan.ports.in.PrecheckFinding;
import dev.thingyan.ports.model.AccessCheckResult;
import dev.thingyan.ports.model.ProbeContext;
import dev.thingyan.ports.model.ProbeResult;
import dev.thingyan.ports.model.RunOptions;
import dev.thingyan.ports.model.Version;
import dev.thingyan.ports.out.AuditTrail;
import dev.thingyan.ports.out.BackupCatalog;
import dev.thingyan.ports.out.BackupCodec;
import dev.thingyan.ports.out.BackupStore;
import dev.thingyan.ports.out.CommandRunner;
import dev.thingyan.ports.out.DatabaseDumper;
import dev.thingyan.ports.out.FaultPoints;
import dev.thingyan.ports.out.HostInfo;
import dev.thingyan.ports.out.Probe;
import dev.thingyan.ports.out.ReleaseSource;
import dev.thingyan.ports.out.ReleaseWorkspace;
import dev.thingyan.ports.out.RunJournal;
import dev.thingyan.ports.out.RunListener;
import dev.thingyan.ports.out.SignatureVerifier;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The app's own prechecks read the app's data (open folios …). Before the first install its
 * tables do not exist, so a check that cannot run must not stop the install that creates them
 * (found by the install guide's test); once a release is installed it blocks as configured.
 */
class FirstInstallAppPrecheckTest {

  private final ProbeResult[] answer = {ProbeResult.failed("open_folios: query failed: no table folios")};

  @Test
  void aFailingAppPrecheckOnlyWarnsWhileNothingIsInstalled() {
    PrecheckFinding f = appFinding(Optional.empty());
    assertThat(f.passed()).isFalse();
    assertThat(f.blocks()).isFalse();
    assertThat(f.detail()).startsWith("no release installed yet, not blocking: open_folios");
  }

  @Test
  void onceAReleaseIsInstalledItBlocks() {
    PrecheckFinding f = appFinding(Optional.of(Version.parse("1.0.0")));
    assertThat(f.blocks()).isTrue();
    assertThat(f.detail()).isEqualTo("open_folios: query failed: no table folios");
  }

  @Test
  void aPassingAppPrecheckIsReportedAsItIs() {
    answer[0] = ProbeResult.ok("open_folios: none");
    PrecheckFinding f = appFinding(Optional.empty());
    assertThat(f.passed()).isTrue();
    assertThat(f.detail()).isEqualTo("open_folios: none");
  }

  private PrecheckFinding appFinding(Optional<Version> current) {
    GateWorld world = new GateWorld(Path.of("/srv/pms/current"));
    Prechecks prechecks = new Prechecks(ports(), world.settings(true, 1), null);
    return prechecks.run(current, Selection.none("no release"), RunOptions.DEFAULT, Optional.empty(),
            Path.of("/tmp")).findings().stream()
        .filter(f -> f.name().equals("app:open_folios")).findFirst().orElseThrow();
  }

  private CorePorts ports() {
    Probe folios = new Probe() {
      @Override
      public String name() {
        return "open_folios";
      }

      @Override
      public ProbeResult probe(ProbeContext context) {
        return answer[0];
      }
    };
    ReleaseWorkspace workspace = mock(ReleaseWorkspace.class);
    when(workspace.root()).thenReturn(Path.of("/srv/pms"));
    when(workspace.usableBytes()).thenReturn(Long.MAX_VALUE);
    CommandRunner commands = mock(CommandRunner.class);
    return new CorePorts(mock(RunJournal.class), List.of(), mock(HostInfo.class), mock(ReleaseSource.class),
        mock(SignatureVerifier.class), workspace, commands, mock(DatabaseDumper.class), mock(BackupStore.class),
        mock(BackupCodec.class), mock(BackupCatalog.class), mock(AuditTrail.class), List.of(), Optional.empty(),
        Optional.empty(), List.of(new CorePorts.AppPrecheck(folios, true)), RunListener.NONE, FaultPoints.NONE,
        Clock.systemUTC(), new CorePorts.Access(() -> AccessCheckResult.ok("granted"),
            base -> AccessCheckResult.ok("writable")));
  }
}
