package dev.thingyan.ports.in;

import dev.thingyan.ports.model.Actor;
import dev.thingyan.ports.model.report.ErrorReport;
import dev.thingyan.ports.model.report.ReportReceipt;
import java.util.Map;

/**
 * Accepts an error report: validates it, redacts it, fingerprints it and stores it in the outbox.
 * When this returns the report is durable; it reaches GitHub later, through
 * {@link DeliverErrorReports}. The HTTP endpoint, {@code thingyan report} and the update run all
 * come through here.
 */
public interface SubmitErrorReport {

  /**
   * @param untrusted the report as sent (JSON decoded into maps, lists, strings, numbers),
   *     snake_case keys as the spec names them
   * @throws dev.thingyan.ports.model.report.ReportValidationException naming the first bad field
   */
  ReportReceipt submit(Actor actor, Map<String, ?> untrusted);

  /** Accepts a report built in process (it is redacted all the same). */
  ReportReceipt submit(Actor actor, ErrorReport report);
}
