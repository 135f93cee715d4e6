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
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Renders runs, steps, backups and findings as the one-line texts the commands print. */
final class Views {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
  private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private final Messages messages;
  private final ZoneId zone;
  private final AppReasons appReasons;

  Views(Messages messages, ZoneId zone) {
    this(messages, zone, AppReasons.NONE);
  }

  Views(Messages messages, ZoneId zone, AppReasons appReasons) {
    this.messages = messages;
    this.zone = zone;
    this.appReasons = appReasons;
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

  /**
   * The preview's line ({@code status}, {@code show}): the run's {@code preview_health} step,
   * shown like any other check, or empty when the run did not reach a preview.
   */
  java.util.Optional<String> preview(java.util.List<StepRecord> steps) {
    return steps.stream().filter(st -> st.step().equals("preview_health")).reduce((a, b) -> b)
        .map(st -> messages.get("status.preview", st.outcome()
            .map(o -> messages.get("outcome." + o.name().toLowerCase(Locale.ROOT)))
            .orElse(messages.get("outcome.unfinished")), st.detail().orElse("")).strip());
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

  /**
   * A failed app precheck with a configured reason shows that reason in the CLI's language, and
   * what the check found (rows, the app's answer) on an indented second line.
   */
  String finding(PrecheckFinding f) {
    String key = f.passed() ? "check.pass" : f.blocking() ? "check.block" : "check.warn";
    Optional<String> reason = f.passed() ? Optional.empty() : appReasons.forFinding(f.name());
    String text = reason.isPresent()
        ? messages.get(key, f.name(), reason.get()) + System.lineSeparator() + "      "
            + messages.get("check.found", f.detail())
        : messages.get(key, f.name(), f.detail());
    return f.passed() || f.fixes().isEmpty() ? text : text + fixes(f.fixes());
  }

  /** What to run, under the catalogue's words: commands and GRANTs read the same in any language. */
  private String fixes(List<String> fixes) {
    StringBuilder out = new StringBuilder(System.lineSeparator()).append("      ")
        .append(messages.get("check.fix"));
    fixes.forEach(f -> out.append(System.lineSeparator()).append("        ").append(f));
    return out.toString();
  }

  /** @return the lines naming, in the CLI's language, the app prechecks that stopped this run. */
  List<String> appPrecheckReasons(Run run) {
    return appReasons.inRun(run).stream()
        .map(pair -> messages.get("run.app_precheck", pair[0], pair[1]))
        .toList();
  }
}
