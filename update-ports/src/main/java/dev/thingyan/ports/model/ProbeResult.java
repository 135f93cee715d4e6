package dev.thingyan.ports.model;

import java.util.Objects;

/** The answer of one probe (health check or app precheck), with a reason an admin can read. */
public record ProbeResult(boolean ok, String detail) {
  public ProbeResult {
    Objects.requireNonNull(detail, "detail");
  }

  public static ProbeResult ok(String detail) {
    return new ProbeResult(true, detail);
  }

  public static ProbeResult failed(String detail) {
    return new ProbeResult(false, detail);
  }
}
