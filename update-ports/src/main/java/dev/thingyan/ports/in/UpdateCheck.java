package dev.thingyan.ports.in;

import dev.thingyan.ports.model.Release;
import dev.thingyan.ports.model.Version;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The answer to a check: what is serving, what would be installed, and each precheck's finding.
 *
 * @param candidate empty when no newer compatible release exists
 */
public record UpdateCheck(Optional<Version> current, Optional<Release> candidate,
    List<PrecheckFinding> findings) {
  public UpdateCheck {
    Objects.requireNonNull(current, "current");
    Objects.requireNonNull(candidate, "candidate");
    findings = List.copyOf(findings);
  }

  /** @return true when a candidate exists and no blocking precheck failed. */
  public boolean ready() {
    return candidate.isPresent() && findings.stream().noneMatch(PrecheckFinding::blocks);
  }
}
