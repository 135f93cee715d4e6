package dev.thingyan.domain.policy;

import java.util.Objects;

/** A policy's answer: allowed, or refused with a reason a person can act on. */
public record Decision(boolean allowed, String reason) {
  public Decision {
    Objects.requireNonNull(reason, "reason");
  }

  public static Decision allow(String reason) {
    return new Decision(true, reason);
  }

  public static Decision refuse(String reason) {
    return new Decision(false, reason);
  }
}
