package dev.thingyan.bootstrap.cli;

/** The CLI's exit codes, which scripts and monitoring branch on. */
public final class ExitCodes {
  /** The command did what was asked. */
  public static final int OK = 0;
  /** The run failed or rolled back, a backup failed, or a check found the system not ready. */
  public static final int FAILED = 1;
  /** The command line or the configuration is wrong. */
  public static final int USAGE = 2;
  /** Refused before it began: another run is active, updates are blocked, nothing to do. */
  public static final int REFUSED = 3;
  /** Anything else: a bug or an environment problem; the reason is on stderr. */
  public static final int UNEXPECTED = 4;
  /**
   * {@code check} could not ask the release source (GitHub unreachable, the token refused): it
   * does not know whether an update exists, which is neither "up to date" (0) nor "not ready" (1).
   */
  public static final int COULD_NOT_CHECK = 5;

  private ExitCodes() {}
}
