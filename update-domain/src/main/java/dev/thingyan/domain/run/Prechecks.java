package dev.thingyan.domain.run;

import dev.thingyan.domain.policy.CompatibilityPolicy;
import dev.thingyan.domain.policy.Decision;
import dev.thingyan.ports.in.PrecheckFinding;
import dev.thingyan.ports.model.AccessCheckResult;
import dev.thingyan.ports.model.BackupRecord;
import dev.thingyan.ports.model.ProbeContext;
import dev.thingyan.ports.model.ProbeResult;
import dev.thingyan.ports.model.Release;
import dev.thingyan.ports.model.RunId;
import dev.thingyan.ports.model.RunOptions;
import dev.thingyan.ports.model.Version;
import dev.thingyan.ports.out.Probe;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The spec's blocking pre-update checks, each with its reason: no active run, not blocked,
 * release found, verifiable and compatible, database reachable, disk space, queue healthy, and
 * the app's own checks. The same checks serve {@code check} (no run) and {@code apply}.
 */
final class Prechecks {

  /** Space a release needs beyond its package: the archive plus its extracted tree, roughly. */
  private static final int PACKAGE_SPACE_FACTOR = 4;

  private final CorePorts ports;
  private final UpdateSettings settings;
  private final ReleaseVerifier verifier;

  Prechecks(CorePorts ports, UpdateSettings settings, ReleaseVerifier verifier) {
    this.ports = ports;
    this.settings = settings;
    this.verifier = verifier;
  }

  /** What the checks found, and the verified release when the release checks passed. */
  record Report(List<PrecheckFinding> findings, Optional<VerifiedRelease> release) {
    boolean blocked() {
      return findings.stream().anyMatch(PrecheckFinding::blocks);
    }

    String reasons() {
      return String.join("; ", findings.stream().filter(PrecheckFinding::blocks)
          .map(f -> f.name() + ": " + f.detail()
              + (f.fixes().isEmpty() ? "" : "; run: " + String.join(" ", f.fixes())))
          .toList());
    }
  }

  Report run(Optional<Version> current, Selection selection, RunOptions options, Optional<RunId> self, Path dir) {
    List<PrecheckFinding> out = new ArrayList<>();
    runState(out, self);
    Optional<VerifiedRelease> verified = release(out, current, selection, options, dir);
    probe(out, "database_reachable", ports.databaseProbe(), true);
    disk(out, verified);
    probe(out, "queue_healthy", ports.queueProbe(), true);
    access(out, "database_privileges", () -> ports.access().database().check());
    access(out, "app_files_writable",
        () -> ports.access().files().check(ports.workspace().root().resolve("shared")));
    for (CorePorts.AppPrecheck check : ports.appPrechecks()) {
      ProbeResult r = safely(check.probe());
      // before the first install the app's tables do not exist yet (its first migration makes
      // them), so its own checks cannot run: a warning then, or a first install never happens
      boolean firstInstall = current.isEmpty() && !r.ok();
      out.add(new PrecheckFinding("app:" + check.probe().name(), r.ok(), check.blocking() && !firstInstall,
          firstInstall ? "no release installed yet, not blocking: " + r.detail() : r.detail()));
    }
    return new Report(out, verified);
  }

  private void runState(List<PrecheckFinding> out, Optional<RunId> self) {
    var blocking = ports.journal().findBlocking();
    out.add(new PrecheckFinding("updates_not_blocked", blocking.isEmpty(), true, blocking
        .map(r -> "run " + r.id() + " ended in rollback_failed: repair, then run `thingyan resolve --reason ...`")
        .orElse("no unresolved rollback failure")));
    var active = ports.journal().findUnfinished().filter(r -> self.isEmpty() || !r.id().equals(self.get()));
    out.add(new PrecheckFinding("no_active_run", active.isEmpty(), true, active
        .map(r -> "run " + r.id() + " is still " + r.state().wireName())
        .orElse("no other run is active")));
  }

  private Optional<VerifiedRelease> release(List<PrecheckFinding> out, Optional<Version> current,
      Selection selection, RunOptions options, Path dir) {
    if (selection.release().isEmpty()) {
      out.add(new PrecheckFinding("release_available", false, true, selection.reason()));
      return Optional.empty();
    }
    Release release = selection.release().get();
    out.add(new PrecheckFinding("release_available", true, true, selection.reason()));
    VerifiedRelease verified;
    try {
      verified = verifier.verify(release, dir);
    } catch (RuntimeException e) {
      out.add(new PrecheckFinding("release_verifiable", false, true, RunRecorder.describe(e)));
      return Optional.empty();
    }
    out.add(new PrecheckFinding("release_verifiable", true, true, verified.signature()
        .map(s -> "SHA256SUMS signed by key " + s.keyId() + " for " + release.version())
        .orElse("SHA256SUMS present; NOT signature-checked (no public key configured)")));
    Decision d = CompatibilityPolicy.check(current, release.version(), verified.manifest(),
        settings.agentVersion(), options.allowDowngrade());
    out.add(new PrecheckFinding("version_compatible", d.allowed(), true, d.reason()));
    return Optional.of(verified);
  }

  private void disk(List<PrecheckFinding> out, Optional<VerifiedRelease> verified) {
    long packageBytes = verified.map(v -> Math.max(0, v.packageAsset().size())).orElse(0L);
    long backupBytes = ports.backupCatalog().list().stream().findFirst().map(BackupRecord::size).orElse(0L);
    long need = Math.max(settings.minFreeDiskBytes(), packageBytes * PACKAGE_SPACE_FACTOR + backupBytes);
    long free = ports.workspace().usableBytes();
    out.add(new PrecheckFinding("disk_space", free >= need, true,
        Bytes.human(free) + " free, " + Bytes.human(need) + " needed (threshold "
            + Bytes.human(settings.minFreeDiskBytes()) + ", release and backup estimate "
            + Bytes.human(packageBytes * PACKAGE_SPACE_FACTOR + backupBytes) + ")"));
  }

  /** A restore found impossible at rollback time is too late: these block the update now. */
  private static void access(List<PrecheckFinding> out, String name,
      Supplier<AccessCheckResult> check) {
    AccessCheckResult r;
    try {
      r = check.get();
    } catch (RuntimeException e) {
      r = AccessCheckResult.missing("could not be checked: " + RunRecorder.describe(e), List.of());
    }
    out.add(new PrecheckFinding(name, r.ok(), true, r.detail(), r.fixes()));
  }

  private static void probe(List<PrecheckFinding> out, String name, Optional<Probe> probe, boolean blocking) {
    if (probe.isEmpty()) {
      out.add(new PrecheckFinding(name, true, false, "not configured"));
      return;
    }
    ProbeResult r = safely(probe.get());
    out.add(new PrecheckFinding(name, r.ok(), blocking, r.detail()));
  }

  private static ProbeResult safely(Probe probe) {
    try {
      return probe.probe(ProbeContext.ANY);
    } catch (RuntimeException e) {
      return ProbeResult.failed(probe.name() + " could not run: " + RunRecorder.describe(e));
    }
  }
}
