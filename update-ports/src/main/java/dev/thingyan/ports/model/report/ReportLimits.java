package dev.thingyan.ports.model.report;

/**
 * Hard bounds on a report. A report beyond one is refused, not cut: no honest sender writes a
 * 2,000-character title or a 1 MB message, so such input is a bug or an attack. Softer limits of
 * the GitHub issue (title ≤ 256 characters, body ≤ 60,000) are met later by trimming, because a
 * long but honest stack trace must still be reported.
 */
public final class ReportLimits {
  /** Title as sent; the issue title is trimmed to {@link #ISSUE_TITLE_CHARS}. */
  public static final int TITLE_CHARS = 1_024;
  /** The GitHub issue title the sync trims to. */
  public static final int ISSUE_TITLE_CHARS = 256;
  /** The GitHub issue body the sync trims to. */
  public static final int ISSUE_BODY_CHARS = 60_000;
  /** Message (an exception message may hold a whole SQL statement). */
  public static final int MESSAGE_CHARS = 65_536;
  /** Steps to reproduce. */
  public static final int STEPS_CHARS = 16_384;
  /** Raw stack trace text. */
  public static final int STACK_TRACE_CHARS = 524_288;
  /** Parsed frames. */
  public static final int FRAMES = 2_000;
  /** Short identifiers: environment, trace and request ids, user id, role, exception type. */
  public static final int ID_CHARS = 128;
  /** Exception type (a fully qualified class name can be long). */
  public static final int TYPE_CHARS = 512;
  /** Nesting of the context map (a map in a list in a map counts 3). */
  public static final int CONTEXT_DEPTH = 8;
  /** Keys and list elements of the context, counted over all levels. */
  public static final int CONTEXT_ENTRIES = 1_000;
  /** Everything together, counted in characters: more than about 1 MB is refused. */
  public static final int TOTAL_CHARS = 1_048_576;

  private ReportLimits() {}
}
