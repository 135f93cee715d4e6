package dev.thingyan.bootstrap.cli;

import dev.thingyan.ports.in.PrecheckFinding;
import dev.thingyan.ports.model.BackupRecord;
import dev.thingyan.ports.model.FailedRelease;
import dev.thingyan.ports.model.InstalledRelease;
import dev.thingyan.ports.model.Run;
import dev.thingyan.ports.model.RunState;
import dev.thingyan.ports.model.StepRecord;
import dev.thingyan.ports.model.Version;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

/** Renders runs, steps, backups and findings as the one-line texts the commands print. */
final class Views {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
  private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private final Messages messages;
  private final ZoneId zone;

  Views(Messages messages, ZoneId zone) {
    this.messages = messages;
    this.zone = zone;
  }

  String time(Instant at) {
    return TIME.format(at.atZone(zone));
  }

  String dateTime(Instant at) {
    return DATE_TIME.format(at.atZone(zone));
  }

  String version(Optional<Version> v) {
    return v.map(Version::toString).orElse(messages.get("value.unknown"));
  }

  String release(Optional<InstalledRelease> r) {
    return r.map(x -> version(x.version()) + "  " + x.dir()).orElse(messages.get("value.none"));
  }

  /** {@code 3f2c…  update  completed · ပြီးဆုံး  1.2.0 → 1.3.0  2026-04-13 12:03:04}. */
  String run(Run r) {
    String kind = messages.get("kind." + r.kind().name().toLowerCase(Locale.ROOT));
    return r.id() + "  " + kind + "  " + messages.state(r.state()) + "  "
        + version(r.fromVersion()) + " → " + version(r.targetVersion()) + "  "
        + dateTime(r.startedAt()) + "  " + r.requestedBy();
  }

  String step(StepRecord s) {
    String outcome = s.outcome()
        .map(o -> messages.get("outcome." + o.name().toLowerCase(Locale.ROOT)))
        .orElse(messages.get("outcome.unfinished"));
    return time(s.startedAt()) + "  " + s.step() + "  " + outcome
        + s.detail().map(d -> "  " + d).orElse("");
  }

  String backup(BackupRecord b) {
    return b.backupId() + "  " + dateTime(b.createdAt()) + "  "
        + b.kind().name().toLowerCase(Locale.ROOT) + "  " + version(b.appVersion()) + "  "
        + b.engine() + ":" + b.database() + "  " + b.size() + " B  sha256 " + b.sha256Hex();
  }

  /** {@code 1.2.0 failed on 2026-12-07 14:03:00 and was rolled back; not offered again. …} */
  String notOffered(FailedRelease f) {
    String key = f.endedAs() == RunState.ROLLBACK_FAILED
        ? "release.not_offered_rollback_failed" : "release.not_offered";
    return messages.get(key, f.version(), dateTime(f.failedAt()));
  }

  String finding(PrecheckFinding f) {
    String key = f.passed() ? "check.pass" : f.blocking() ? "check.block" : "check.warn";
    return messages.get(key, f.name(), f.detail());
  }
}
