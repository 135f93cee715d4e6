package dev.thingyan.ports.out;

import dev.thingyan.ports.model.ProbeContext;
import dev.thingyan.ports.model.ProbeResult;

/**
 * One check against the running app or its database: a health check (HTTP endpoint, database
 * read, queue ping) or an app precheck (a query that must return no rows, an app endpoint). A
 * probe answers once; retries are the domain's.
 */
public interface Probe {

  /** @return a short name for the precheck report and the log, e.g. {@code http /health}. */
  String name();

  /** Never throws for a failed check: a failure is a {@link ProbeResult} with its reason. */
  ProbeResult probe(ProbeContext context);

  /**
   * @return whether this probe can ask another origin ({@link ProbeContext#origin()}): an HTTP
   *     check can be sent to the preview of a staged release; a database read or a command
   *     checks the installed system, not a release, and is not asked during the preview
   */
  default boolean followsOrigin() {
    return false;
  }
}
