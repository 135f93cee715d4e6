package dev.thingyan.ports.in;

import dev.thingyan.ports.model.report.DeliveryState;
import dev.thingyan.ports.model.report.OutboxStats;
import dev.thingyan.ports.model.report.TrackedIssue;
import dev.thingyan.ports.model.report.WaitingError;
import java.util.List;

/** What the outbox holds and where delivery stands, for the CLI and the status screen. */
public interface QueryErrorReports {

  OutboxStats stats();

  DeliveryState deliveryState();

  /** @return fingerprints and their issues, the most recently seen first. */
  List<TrackedIssue> issues(int limit);

  /**
   * @return the errors whose reports wait to be sent, one entry per fingerprint, the most
   *     recently seen first, judged over the oldest {@code scan} waiting reports
   */
  List<WaitingError> waiting(int scan);
}
