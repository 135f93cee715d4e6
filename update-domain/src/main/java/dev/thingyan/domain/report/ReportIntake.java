package dev.thingyan.domain.report;

import dev.thingyan.ports.in.SubmitErrorReport;
import dev.thingyan.ports.model.Actor;
import dev.thingyan.ports.model.report.ErrorReport;
import dev.thingyan.ports.model.report.ReportReceipt;
import dev.thingyan.ports.model.report.TrackedIssue;
import dev.thingyan.ports.out.ReportOutbox;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;

/**
 * Validate, redact, fingerprint, store: the order matters. Redaction comes before anything is
 * stored, and the fingerprint is taken from the redacted report, so the outbox, the fingerprint
 * and GitHub never see a value the redactor recognised.
 */
public final class ReportIntake implements SubmitErrorReport {
  private final ReportValidator validator;
  private final Redactor redactor = new Redactor();
  private final Fingerprinter fingerprinter;
  private final ReportOutbox outbox;
  private final Clock clock;

  public ReportIntake(ReportOutbox outbox, InAppRules inApp, Clock clock) {
    this.outbox = Objects.requireNonNull(outbox, "outbox");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.validator = new ReportValidator(clock);
    this.fingerprinter = new Fingerprinter(inApp);
  }

  @Override
  public ReportReceipt submit(Actor actor, Map<String, ?> untrusted) {
    return submit(actor, validator.validate(untrusted));
  }

  @Override
  public ReportReceipt submit(Actor actor, ErrorReport report) {
    Objects.requireNonNull(actor, "actor");
    ErrorReport redacted = redactor.redact(report);
    String fingerprint = fingerprinter.fingerprint(redacted);
    long id = outbox.enqueue(fingerprint, redacted, clock.instant());
    long issue = outbox.issue(fingerprint)
        .filter(t -> t.status() == TrackedIssue.Status.LINKED)
        .map(t -> t.issueNumber().getAsLong()).orElse(0L);
    return new ReportReceipt(id, fingerprint, issue);
  }
}
