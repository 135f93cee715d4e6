package dev.thingyan.domain.run;

import static dev.thingyan.ports.model.RunState.APPLYING;
import static dev.thingyan.ports.model.RunState.BACKUP_FAILED;
import static dev.thingyan.ports.model.RunState.BACKUP_RUNNING;
import static dev.thingyan.ports.model.RunState.COMPLETED;
import static dev.thingyan.ports.model.RunState.DOWNLOADING;
import static dev.thingyan.ports.model.RunState.HEALTH_CHECK;
import static dev.thingyan.ports.model.RunState.MIGRATING;
import static dev.thingyan.ports.model.RunState.PRECHECK_FAILED;

import dev.thingyan.ports.in.PrecheckFinding;
import dev.thingyan.ports.model.BackupKind;
import dev.thingyan.ports.model.BackupRecord;
import dev.thingyan.ports.model.DownloadedFile;
import dev.thingyan.ports.model.HookPhase;
import dev.thingyan.ports.model.LogLevel;
import dev.thingyan.ports.model.Run;
import dev.thingyan.ports.model.StepOutcome;
import dev.thingyan.ports.model.Version;
import dev.thingyan.ports.out.ReleaseWorkspace;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The forward path of an update, state by state. Each step's facts are journaled before its side
 * effect; any failure after the backup hands the run to {@link Rollback}.
 */
final class UpdateRun {

  private final RunServices s;
  private final ReleaseWorkspace workspace;
  private final Rollback rollback;
  private final PreviewStep preview;

  UpdateRun(RunServices services, Rollback rollback) {
    this.s = services;
    this.workspace = services.ports.workspace();
    this.rollback = rollback;
    this.preview = new PreviewStep(services);
  }

  /** Runs from {@code checking} to an ending state (or a wait for an admin). */
  Run execute(RunRecorder rec, Selection selection) {
    Run run = rec.run();
    Path downloads = workspace.downloadDir(run.id().value());
    Prechecks.Report report = rec.step("precheck", () -> precheck(rec, selection, downloads));
    if (report.blocked()) {
      return stop(rec, PRECHECK_FAILED, "precheck failed: " + report.reasons(), downloads);
    }
    VerifiedRelease release = report.release().orElseThrow();
    rec.transition(BACKUP_RUNNING, "backing up the database before " + release.release().version());
    s.audit("system.backup.started", rec.run(), null);
    try {
      BackupRecord backup = rec.step("backup", () -> backup(rec));
      s.ports.journal().setBackupId(run.id(), backup.backupId());
      s.audit("system.backup.completed", rec.refresh(), backup.backupId());
    } catch (StepFailedException e) {
      s.audit("system.backup.failed", rec.run(), e.getMessage());
      return stop(rec, BACKUP_FAILED, "backup failed, the update stopped: " + e.getMessage(), downloads);
    }
    try {
      return install(rec, release);
    } catch (StepFailedException e) {
      return rollback.afterFailure(rec, e.getMessage());
    }
  }

  private StepResult<Prechecks.Report> precheck(RunRecorder rec, Selection selection, Path downloads) {
    Run run = rec.run();
    Prechecks.Report r = s.prechecks.run(run.fromVersion(), selection, run.options(), Optional.of(run.id()), downloads);
    for (PrecheckFinding f : r.findings()) {
      LogLevel level = f.passed() ? LogLevel.INFO : f.blocking() ? LogLevel.ERROR : LogLevel.WARN;
      rec.log(level, "precheck", (f.passed() ? "ok   " : f.blocking() ? "FAIL " : "warn ") + f.name() + ": " + f.detail());
    }
    return r.blocked()
        ? new StepResult<>(r, StepOutcome.FAILED, r.reasons())
        : StepResult.done(r, "all blocking prechecks passed");
  }

  /** The staged release as the app will see it (bootstrap/cache, storage through its link). */
  private StepResult<Void> writable(Path staging) {
    var r = s.ports.access().files().check(staging);
    if (!r.ok()) {
      throw new StepFailedException("app_files_writable", r.detail()
          + (r.fixes().isEmpty() ? "" : "; run: " + String.join(" ", r.fixes())));
    }
    return StepResult.done(null, r.detail());
  }

  private StepResult<BackupRecord> backup(RunRecorder rec) {
    Run run = rec.run();
    s.sweepAbandonedBackups(rec, "backup");
    BackupRecord b = s.backups.backup(BackupKind.PRE_UPDATE, Optional.of(run.id()), run.fromVersion(),
        new ProgressLog(rec, "backup", -1));
    return StepResult.done(b, "backup " + b.backupId() + " (" + Bytes.human(b.size()) + ", sha256 "
        + b.sha256Hex().substring(0, 12) + "…) in " + s.ports.backupStore().describe());
  }

  private Run install(RunRecorder rec, VerifiedRelease release) {
    Version version = release.release().version();
    rec.transition(DOWNLOADING, "downloading " + release.packageAsset().name());
    DownloadedFile pkg = rec.step("download", () -> download(rec, release));
    rec.step("verify", () -> verifyChecksum(pkg, release), "sha256 " + pkg.sha256Hex() + " matches SHA256SUMS");
    rec.transition(APPLYING, "installing " + version + " into a new release folder");
    Path staging = rec.step("extract", () -> extract(rec, pkg, version));
    Run run = rec.refresh();
    var env = s.hookEnv(run, staging);
    rec.step("link_shared", () -> workspace.linkShared(staging, s.settings.sharedPaths()),
        "linked " + s.settings.sharedPaths());
    rec.step("app_files_writable", () -> writable(staging));
    hooks(rec, HookPhase.INSTALL, staging, env);
    hooks(rec, HookPhase.WARM, staging, env);
    rec.transition(MIGRATING, "running migrations");
    boolean gate = release.manifest().maintenanceRequired();
    if (gate) maintenance(rec, true, run, env);
    hooks(rec, HookPhase.MIGRATE, staging, env);
    rec.transition(HEALTH_CHECK, "switching to " + version + " and checking its health");
    if (!s.settings.hooks(HookPhase.PREVIEW).isEmpty()) hooks(rec, HookPhase.PREVIEW, staging, env);
    preview.check(rec, staging);
    rec.step("swap", () -> workspace.activate(staging), "current -> " + staging.getFileName());
    hooks(rec, HookPhase.POST_SWAP, staging, env);
    return complete(rec);
  }

  /**
   * The release says its migrations need the app offline ({@code maintenance_required} in
   * release.json): the gate goes up before them and comes down once the new version is healthy
   * (or when the rollback ends).
   */
  private void maintenance(RunRecorder rec, boolean on, Run run, java.util.Map<String, String> env) {
    HookPhase phase = on ? HookPhase.MAINTENANCE_ON : HookPhase.MAINTENANCE_OFF;
    rec.step(phase.key(), () -> {
      if (on) {
        s.gate.raise(rec::log, phase.key(), "release " + run.targetVersion().orElse(null) + " requires maintenance", env);
      } else {
        s.gate.lower(rec::log, phase.key(), env);
      }
      return StepResult.done(null, "maintenance gate " + (on ? "on" : "off"));
    });
  }

  /** From a swapped release: its health decides (also used by recovery). */
  Run complete(RunRecorder rec) {
    Run run = rec.refresh();
    rec.step("health", () -> StepResult.done(null, s.health.check(rec, "health", run.targetVersion())));
    if (workspace.maintenanceFlag()) {
      maintenance(rec, false, run, s.hookEnv(run, run.releaseDir().orElse(workspace.root())));
    }
    rec.transition(COMPLETED, run.targetVersion().map(v -> v + " is serving").orElse("completed"));
    Run done = rec.refresh();
    s.audit("system.update.completed", done, null);
    new Housekeeping(s).afterCompletion(rec, done);
    return rec.refresh();
  }

  void hooks(RunRecorder rec, HookPhase phase, Path dir, java.util.Map<String, String> env) {
    hooks(s, rec, phase, phase.key(), dir, env);
  }

  static void hooks(RunServices s, RunRecorder rec, HookPhase phase, String step, Path dir,
      java.util.Map<String, String> env) {
    rec.step(step, () -> {
      int ran = s.hooks.run(rec, phase, step, dir, env);
      return ran == 0
          ? StepResult.skipped(null, "nothing to run")
          : StepResult.done(null, ran + " command(s) succeeded");
    });
  }

  private StepResult<DownloadedFile> download(RunRecorder rec, VerifiedRelease release) {
    var asset = release.packageAsset();
    Path target = s.packageDir(release.release().version()).resolve(asset.name());
    long resumeFrom = sizeOf(target);
    if (resumeFrom > 0) {
      rec.log(LogLevel.INFO, "download", "resuming an earlier download at " + Bytes.human(resumeFrom));
    }
    DownloadedFile f = s.ports.source().download(asset, target, s.settings.intake().maxPackageBytes(),
        new ProgressLog(rec, "download", asset.size()));
    return StepResult.done(f, Bytes.human(f.size()) + " downloaded");
  }

  private static long sizeOf(Path file) {
    try {
      return java.nio.file.Files.exists(file) ? java.nio.file.Files.size(file) : 0;
    } catch (java.io.IOException e) {
      return 0;
    }
  }

  private void verifyChecksum(DownloadedFile pkg, VerifiedRelease release) {
    if (!pkg.sha256Hex().equals(release.packageSha256())) {
      s.deleteQuietly(null, pkg.path());
      throw new StepFailedException("verify", pkg.path().getFileName() + " does not match SHA256SUMS (sha256 "
          + pkg.sha256Hex() + ", expected " + release.packageSha256()
          + "): the download was damaged or tampered with; nothing was installed");
    }
  }

  private StepResult<Path> extract(RunRecorder rec, DownloadedFile pkg, Version version) {
    Path staging = workspace.prepareStaging(version, s.ports.clock().instant());
    s.ports.journal().setReleaseDir(rec.run().id(), staging);
    rec.fault("extract:staging-created");
    var r = workspace.extract(pkg.path(), staging, s.settings.extractionLimits());
    return StepResult.done(staging, r.files() + " files, " + r.directories() + " folders, "
        + r.links() + " links, " + Bytes.human(r.bytes()) + " into " + staging.getFileName());
  }

  private Run stop(RunRecorder rec, dev.thingyan.ports.model.RunState ending, String reason, Path downloads) {
    s.ports.journal().setReason(rec.run().id(), reason);
    rec.transition(ending, reason);
    s.audit("system.update.failed", rec.refresh(), reason);
    s.deleteQuietly(rec, downloads);
    return rec.refresh();
  }
}
