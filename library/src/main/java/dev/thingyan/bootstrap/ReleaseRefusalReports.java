package dev.thingyan.bootstrap;

import dev.thingyan.ports.in.SubmitErrorReport;
import dev.thingyan.ports.model.Actor;
import dev.thingyan.ports.model.AuditEvent;
import dev.thingyan.ports.model.Version;
import dev.thingyan.ports.model.report.ErrorReport;
import dev.thingyan.ports.model.report.ReportSource;
import dev.thingyan.ports.model.report.Severity;
import dev.thingyan.ports.model.report.StackTrace;
import dev.thingyan.ports.out.AuditTrail;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Files an error report for each release the automatic choice refused (the audit event
 * {@code system.release.refused}): a release that fails verification is skipped so updates go
 * on, and the people who publish releases must still hear of it. The report goes through the
 * same intake as any other (redacted, fingerprinted: the same refusal in every check is one
 * issue). The intake is built after the core's ports, so it is given later ({@link #fileWith}).
 */
final class ReleaseRefusalReports implements AuditTrail {
  static final String ACTION = "system.release.refused";
  static final String EXCEPTION_TYPE = "thingyan.ReleaseRefused";
  private static final Logger LOG = LoggerFactory.getLogger(ReleaseRefusalReports.class);

  private final AuditTrail trail;
  private final String environment;
  private final AtomicReference<SubmitErrorReport> reports = new AtomicReference<>();

  ReleaseRefusalReports(AuditTrail trail, String environment) {
    this.trail = Objects.requireNonNull(trail, "trail");
    this.environment = Objects.requireNonNull(environment, "environment");
  }

  void fileWith(SubmitErrorReport intake) {
    reports.set(Objects.requireNonNull(intake, "intake"));
  }

  @Override
  public void record(AuditEvent event) {
    trail.record(event);
    SubmitErrorReport intake = reports.get();
    if (!event.action().equals(ACTION) || intake == null) {
      return;
    }
    try {
      intake.submit(Actor.SYSTEM, report(event));
    } catch (RuntimeException e) {
      // the refusal is in the audit trail and in check's output; a report is the extra
      LOG.warn("the refused release could not be filed as an error report: {}", e.getMessage());
    }
  }

  private ErrorReport report(AuditEvent event) {
    String version = event.attributes().getOrDefault("version", "?");
    String detail = event.attributes().getOrDefault("detail", "refused");
    Map<String, Object> context = new LinkedHashMap<>();
    context.put("release", event.attributes().getOrDefault("tag", version));
    context.put("requested_by", event.actor().toString());
    return new ErrorReport(cut("Release " + version + " refused: " + detail, 1000),
        Severity.ERROR, ReportSource.UPDATE, environment, parse(version), Optional.empty(),
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
        cut(detail, 60_000), Optional.of(EXCEPTION_TYPE), new StackTrace(detail, List.of()),
        context, event.at());
  }

  private static Optional<Version> parse(String version) {
    try {
      return Optional.of(Version.parse(version));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static String cut(String text, int max) {
    return text.length() > max ? text.substring(0, max) : text;
  }

  @Override
  public List<AuditEvent> recent(int limit) {
    return trail.recent(limit);
  }
}
