package dev.thingyan.ports.model;

import java.util.Objects;

/**
 * The answer of one probe (health check or app precheck), with a reason an admin can read.
 *
 * @param verdict what the answer proves: {@link Verdict#OK}, {@link Verdict#NOT_READY} (worth
 *     asking again) or {@link Verdict#BROKEN} (asking again will not help)
 */
public record ProbeResult(Verdict verdict, String detail) {

  /**
   * What one answer proves. The domain retries {@link #NOT_READY} and, with fail-fast on, ends
   * the health wait at the first {@link #BROKEN}.
   */
  public enum Verdict {
    /** The check passed. */
    OK,
    /**
     * Not up yet, or not reachable now: connection refused, a timeout, an HTTP 502/503/504 (a
     * proxy without its backend, an app starting or behind its gate), a database that does not
     * answer. Worth asking again.
     */
    NOT_READY,
    /**
     * The app answered and proved itself broken: an HTTP 5xx other than 502/503/504, a 4xx,
     * or a version other than the expected one (the domain asks only after the post-swap
     * hooks, which restart the app, ran). Asking again will not help.
     */
    BROKEN
  }

  public ProbeResult {
    Objects.requireNonNull(verdict, "verdict");
    Objects.requireNonNull(detail, "detail");
  }

  /** @return whether the check passed */
  public boolean ok() {
    return verdict == Verdict.OK;
  }

  public static ProbeResult ok(String detail) {
    return new ProbeResult(Verdict.OK, detail);
  }

  /** A failed check that may pass when asked again ({@link Verdict#NOT_READY}). */
  public static ProbeResult failed(String detail) {
    return new ProbeResult(Verdict.NOT_READY, detail);
  }

  /** A failed check that proves the app broken ({@link Verdict#BROKEN}). */
  public static ProbeResult broken(String detail) {
    return new ProbeResult(Verdict.BROKEN, detail);
  }
}
