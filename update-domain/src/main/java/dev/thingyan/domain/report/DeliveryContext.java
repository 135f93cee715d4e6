package dev.thingyan.domain.report;

import dev.thingyan.ports.out.AuditTrail;
import dev.thingyan.ports.out.IssueTracker;
import dev.thingyan.ports.out.ReportOutbox;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/** What a delivery pass works with. */
record DeliveryContext(ReportOutbox outbox, IssueTracker tracker, IssueComposer composer,
    AuditTrail audit, ReportSettings settings, Clock clock, Sleeper sleeper) {
  DeliveryContext {
    Objects.requireNonNull(outbox, "outbox");
    Objects.requireNonNull(tracker, "tracker");
    Objects.requireNonNull(composer, "composer");
    Objects.requireNonNull(audit, "audit");
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(sleeper, "sleeper");
  }

  Instant now() {
    return clock.instant();
  }
}
