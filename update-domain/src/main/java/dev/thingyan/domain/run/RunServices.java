package dev.thingyan.domain.run;

import dev.thingyan.domain.backup.BackupRetention;
import dev.thingyan.domain.backup.BackupService;
import dev.thingyan.ports.model.BackupRecord;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import dev.thingyan.domain.policy.SecretMasker;
import dev.thingyan.ports.model.Actor;
import dev.thingyan.ports.model.AuditEvent;
import dev.thingyan.ports.model.InstalledRelease;
import dev.thingyan.ports.model.LogLevel;
import dev.thingyan.ports.model.Run;
import dev.thingyan.ports.model.Version;
import java.io.IOException;
import java.time.Duration;
import java.util.function.Consumer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** What the run's parts share: the ports, the settings, and the services built on them. */
final class RunServices {

  final CorePorts ports;
  final UpdateSettings settings;
  final SecretMasker masker;
  final HookExecutor hooks;
  final HealthGate health;
  final GateKeeper gate;
  final BackupService backups;
  final RunLocks locks;
  final ReleaseVerifier verifier;
  final Prechecks prechecks;

  RunServices(CorePorts ports, UpdateSettings settings) {
    this.ports = ports;
    this.settings = settings;
    this.masker = new SecretMasker(settings.secrets());
    this.hooks = new HookExecutor(ports.commands(), settings);
    this.gate = new GateKeeper(ports.workspace(), masker, hooks, settings.appGateMarker());
    this.health = new HealthGate(ports.healthProbes(), settings.health(), gate::bypass);
    this.backups = new BackupService(ports.dumper(), ports.backupStore(), ports.backupCodec(),
        ports.backupCatalog(), ports.clock(), settings.backupTimeout());
    this.locks = new RunLocks(ports.locks(), ports.host(), ports.clock(), settings.lockLease());
    this.verifier = new ReleaseVerifier(ports.source(), ports.verifier(), settings.packageAssetGlobs(),
        settings.intake());
    this.prechecks = new Prechecks(ports, settings, verifier);
  }

  RunRecorder recorder(Run run) {
    return new RunRecorder(ports.journal(), ports.listener(), ports.faults(), masker, run);
  }

  void audit(String action, Actor actor, Map<String, String> attributes) {
    ports.audit().record(new AuditEvent(action, actor, ports.clock().instant(), attributes));
  }

  void audit(String action, Run run, String detail) {
    Map<String, String> attrs = new HashMap<>();
    attrs.put("run_id", run.id().value());
    run.fromVersion().ifPresent(v -> attrs.put("from_version", v.toString()));
    run.targetVersion().ifPresent(v -> attrs.put("target_version", v.toString()));
    run.backupId().ifPresent(b -> attrs.put("backup_id", b));
    if (detail != null) attrs.put("detail", masker.mask(detail));
    audit(action, run.requestedBy(), attrs);
  }

  /**
   * Backup retention: keeps the newest N and never the backup that leads back to the last known
   * good release (the last completed update's pre-update backup), nor {@code justTaken} (with a
   * server clock that was once ahead, older backups can carry later dates than a new one).
   *
   * @param justTaken the backups the caller has just made and reports
   * @return the backups deleted
   */
  List<BackupRecord> pruneBackups(Set<String> justTaken) {
    Set<String> protect = new HashSet<>(justTaken);
    ports.journal().findLastCompleted().flatMap(Run::backupId).ifPresent(protect::add);
    List<BackupRecord> doomed = BackupRetention.toDelete(ports.backupCatalog().list(), settings.keepBackups(), protect,
        ports.clock().instant());
    for (BackupRecord b : doomed) {
      ports.backupStore().delete(b.storeKey());
      ports.backupCatalog().remove(b.backupId());
    }
    return doomed;
  }

  /**
   * How long a store's unfinished write may sit untouched before a backup removes it as abandoned
   * (a process killed mid-backup left it). The caller holds the run locks, so nothing of this
   * system is writing it; the hour spares a store shared by mistake with another system.
   */
  static final Duration ABANDONED_AFTER = Duration.ofHours(1);

  /**
   * Removes what backups killed mid-write left in the store, before a new backup needs the space.
   * Never fails the caller: a store that cannot be listed is reported and the backup goes on.
   *
   * @param removed told each thing removed
   * @param failed told why the store could not be swept
   */
  void sweepAbandonedBackups(Consumer<String> removed, Consumer<String> failed) {
    try {
      ports.backupStore().sweepAbandoned(ports.clock().instant().minus(ABANDONED_AFTER)).forEach(removed);
    } catch (RuntimeException e) {
      failed.accept(masker.mask(RunRecorder.describe(e)));
    }
  }

  /** {@link #sweepAbandonedBackups(Consumer, Consumer)} told in the run's log, under {@code step}. */
  void sweepAbandonedBackups(RunRecorder rec, String step) {
    sweepAbandonedBackups(
        removed -> rec.log(LogLevel.INFO, step, "removed an unfinished backup a stopped process left: " + removed),
        failed -> rec.log(LogLevel.WARN, step, "could not look for unfinished backups to remove: " + failed));
  }

  /** The {@code THINGYAN_*} environment every hook of a run sees. */
  Map<String, String> hookEnv(Run run, Path releaseDir) {
    Map<String, String> env = new HashMap<>();
    Path root = ports.workspace().root();
    env.put("THINGYAN_RUN_ID", run.id().value());
    env.put("THINGYAN_APP_ROOT", root.toString());
    env.put("THINGYAN_SHARED_DIR", root.resolve("shared").toString());
    env.put("THINGYAN_CURRENT", root.resolve("current").toString());
    env.put("THINGYAN_RELEASE_DIR", releaseDir.toString());
    run.targetVersion().ifPresent(v -> env.put("THINGYAN_VERSION", v.toString()));
    run.fromVersion().ifPresent(v -> env.put("THINGYAN_PREVIOUS_VERSION", v.toString()));
    run.previousReleaseDir().ifPresent(p -> env.put("THINGYAN_PREVIOUS_RELEASE_DIR", p.toString()));
    run.backupId().ifPresent(b -> env.put("THINGYAN_BACKUP_ID", b));
    return env;
  }

  /**
   * The package of a release is kept under its version, not the run: a download a killed process
   * left half done resumes in the next run instead of starting over.
   */
  Path packageDir(Version version) {
    return ports.workspace().downloadDir("release-" + version);
  }

  /** @return whether {@code current} points at {@code dir} right now (the filesystem is the truth). */
  boolean isCurrent(Optional<Path> dir) {
    Optional<InstalledRelease> current = ports.workspace().current();
    return dir.isPresent() && current.isPresent() && same(current.get().dir(), dir.get());
  }

  static boolean same(Path a, Path b) {
    try {
      return Files.isSameFile(a, b);
    } catch (IOException e) {
      return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
    }
  }

  Optional<Version> currentVersion() {
    return ports.workspace().current().flatMap(InstalledRelease::version);
  }

  /** Removes a run's download folder; a leftover is only wasted space, so failures are logged. */
  void deleteQuietly(RunRecorder rec, Path dir) {
    if (!Files.exists(dir)) return;
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | RuntimeException e) {
      if (rec != null) rec.log(LogLevel.WARN, null, "could not remove " + dir + ": " + e.getMessage());
    }
  }
}
