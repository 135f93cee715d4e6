package dev.thingyan.domain.run;

/** A step of a run failed; the message is the reason shown to the admin. */
public final class StepFailedException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String step;

  public StepFailedException(String step, String message) {
    super(message);
    this.step = step;
  }

  public StepFailedException(String step, String message, Throwable cause) {
    super(message, cause);
    this.step = step;
  }

  /** @return the step that failed. */
  public String step() {
    return step;
  }
}
