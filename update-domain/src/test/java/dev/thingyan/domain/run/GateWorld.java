package dev.thingyan.domain.run;

import static org.mockito.Mockito.mock;

import dev.thingyan.ports.model.AuditEvent;
import dev.thingyan.ports.model.CommandResult;
import dev.thingyan.ports.model.ExtractionLimits;
import dev.thingyan.ports.model.ExtractionResult;
import dev.thingyan.ports.model.GateBypass;
import dev.thingyan.ports.model.HookCommand;
import dev.thingyan.ports.model.HookPhase;
import dev.thingyan.ports.model.InstalledRelease;
import dev.thingyan.ports.model.MaintenanceFlag;
import dev.thingyan.ports.model.ProbeContext;
import dev.thingyan.ports.model.ProbeResult;
import dev.thingyan.ports.model.Version;
import dev.thingyan.ports.out.AppWriteAccess;
import dev.thingyan.ports.out.AuditTrail;
import dev.thingyan.ports.out.BackupCatalog;
import dev.thingyan.ports.out.BackupCodec;
import dev.thingyan.ports.out.BackupStore;
import dev.thingyan.ports.out.CommandRunner;
import dev.thingyan.ports.out.DatabaseAccess;
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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * What the gate's decisions touch, in memory: the flag (a workspace that keeps only it and
 * {@code current}), the hooks (a command runner that records each command with its environment
 * and the flag as it was when the command ran), the health probes (answers a test scripts) and
 * the audit trail. The ports the gate never uses are Mockito mocks.
 */
final class GateWorld {

  /** One command the runner was asked to run. */
  record Ran(String command, Map<String, String> env, Optional<MaintenanceFlag> flagAtTheTime) {}

  final Workspace workspace;
  final List<Ran> ran = new ArrayList<>();
  final List<AuditEvent> audit = new ArrayList<>();
  final List<ProbeContext> asked = new ArrayList<>();
  /** The answer of the health probe to its n-th question (from 0). */
  Function<Integer, ProbeResult> health = n -> ProbeResult.ok("200");
  /** Whether the health probe can be sent to a preview (an HTTP check can). */
  boolean probeFollowsOrigin = true;
  /** The preview server the core is given, if any. */
  Optional<dev.thingyan.ports.out.PreviewServer> preview = Optional.empty();
  /** The exit code of a command. */
  Function<String, Integer> exit = c -> 0;

  GateWorld(Path currentDir) {
    this.workspace = new Workspace(currentDir);
  }

  static final List<HookCommand> ON = List.of(hook("down --secret=$THINGYAN_GATE_SECRET"));
  static final List<HookCommand> OFF = List.of(hook("up"));

  static HookCommand hook(String run) {
    return new HookCommand(run, Duration.ofMinutes(1), Optional.empty());
  }

  final RunJournal journal = mock(RunJournal.class);

  RunServices services(boolean failFast, int attempts) {
    return new RunServices(corePorts(), settings(failFast, attempts));
  }

  UpdateSettings settings(boolean failFast, int attempts) {
    return new UpdateSettings(Map.of(HookPhase.MAINTENANCE_ON, ON, HookPhase.MAINTENANCE_OFF, OFF),
        List.of(), List.of("*.tar.gz"), true, ExtractionLimits.DEFAULT, 0, 5, 3, Duration.ofHours(1),
        new UpdateSettings.HealthPolicy(attempts, Duration.ofMillis(300), failFast), Duration.ofHours(6),
        Version.parse("0.1.0"), Set.of("configured-secret"), Optional.of("storage/framework/down"));
  }

  CorePorts corePorts() {
    CommandRunner commands = (command, dir, env, timeout, out) -> {
      ran.add(new Ran(command, Map.copyOf(env), workspace.readMaintenanceFlag()));
      out.line(false, "ran with " + env.get(GateKeeper.SECRET_ENV));
      return new CommandResult(exit.apply(command), false, Duration.ZERO);
    };
    Probe probe = new Probe() {
      @Override
      public String name() {
        return "http /health";
      }

      @Override
      public ProbeResult probe(ProbeContext context) {
        asked.add(context);
        return health.apply(asked.size() - 1);
      }

      @Override
      public boolean followsOrigin() {
        return probeFollowsOrigin;
      }
    };
    AuditTrail trail = new AuditTrail() {
      @Override
      public void record(AuditEvent event) {
        audit.add(event);
      }

      @Override
      public List<AuditEvent> recent(int limit) {
        return audit;
      }
    };
    return new CorePorts(journal, List.of(), mock(HostInfo.class),
        mock(ReleaseSource.class), mock(SignatureVerifier.class), workspace, commands,
        mock(DatabaseDumper.class), mock(BackupStore.class), mock(BackupCodec.class),
        mock(BackupCatalog.class), trail, List.of(probe), Optional.empty(), Optional.empty(), List.of(),
        RunListener.NONE, FaultPoints.NONE, Clock.systemUTC(),
        new CorePorts.Access(mock(DatabaseAccess.class), mock(AppWriteAccess.class)), preview);
  }

  /** Keeps the flag and {@code current}; what the gate never calls throws. */
  static final class Workspace implements ReleaseWorkspace {
    private final Path current;
    private Optional<MaintenanceFlag> flag = Optional.empty();

    Workspace(Path current) {
      this.current = current;
    }

    @Override public Path root() { return current.getParent(); }
    @Override public Optional<InstalledRelease> current() {
      return Optional.of(new InstalledRelease(current, Optional.of(Version.parse("1.1.0"))));
    }
    @Override public void setMaintenanceFlag(boolean on, String reason) {
      flag = on ? Optional.of(new MaintenanceFlag(reason, Optional.empty())) : Optional.empty();
    }
    @Override public boolean maintenanceFlag() { return flag.isPresent(); }
    @Override public void raiseMaintenanceFlag(String reason, GateBypass bypass) {
      flag = Optional.of(new MaintenanceFlag(reason, Optional.of(bypass)));
    }
    @Override public Optional<MaintenanceFlag> readMaintenanceFlag() { return flag; }

    @Override public List<InstalledRelease> installed() { return List.of(current().orElseThrow()); }
    @Override public Path downloadDir(String runId) { throw new UnsupportedOperationException(); }
    @Override public Path prepareStaging(Version version, Instant at) { throw new UnsupportedOperationException(); }
    @Override public ExtractionResult extract(Path archive, Path stagingDir, ExtractionLimits limits) {
      throw new UnsupportedOperationException();
    }
    @Override public void linkShared(Path releaseDir, List<String> sharedPaths) { throw new UnsupportedOperationException(); }
    @Override public void activate(Path releaseDir) { throw new UnsupportedOperationException(); }
    @Override public void discard(Path releaseDir) { throw new UnsupportedOperationException(); }
    @Override public List<Path> prune(Collection<Path> releaseDirs) { throw new UnsupportedOperationException(); }
    @Override public long usableBytes() { throw new UnsupportedOperationException(); }
  }
}
