package dev.thingyan.ports.in;

import dev.thingyan.ports.model.ConsideredRelease;
import dev.thingyan.ports.model.FailedRelease;
import dev.thingyan.ports.model.Release;
import dev.thingyan.ports.model.Version;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The answer to a check: what is serving, what would be installed, and each precheck's finding.
 *
 * @param candidate empty when no newer compatible release exists
 * @param passedOver newer releases the automatic choice skipped because their installation failed
 *     (newest first); each is installed only when named ({@code apply 1.2.0})
 * @param considered the releases the automatic choice looked at, newest first, each taken or
 *     skipped with the reason (a release that fails verification is skipped, not a dead end)
 * @param sourceFailure why the release source could not be asked (GitHub unreachable, refused
 *     the token…), when it could not: then an empty candidate means "unknown", not "up to date"
 */
public record UpdateCheck(Optional<Version> current, Optional<Release> candidate,
    List<PrecheckFinding> findings, List<FailedRelease> passedOver,
    List<ConsideredRelease> considered, Optional<String> sourceFailure) {
  public UpdateCheck {
    Objects.requireNonNull(sourceFailure, "sourceFailure");
    considered = List.copyOf(considered);
    Objects.requireNonNull(current, "current");
    Objects.requireNonNull(candidate, "candidate");
    findings = List.copyOf(findings);
    passedOver = List.copyOf(passedOver);
  }

  /** A check whose release source answered. */
  public UpdateCheck(Optional<Version> current, Optional<Release> candidate,
      List<PrecheckFinding> findings, List<FailedRelease> passedOver,
      List<ConsideredRelease> considered) {
    this(current, candidate, findings, passedOver, considered, Optional.empty());
  }

  /** A check that lists no considered releases. */
  public UpdateCheck(Optional<Version> current, Optional<Release> candidate,
      List<PrecheckFinding> findings, List<FailedRelease> passedOver) {
    this(current, candidate, findings, passedOver, List.of());
  }

  /** A check that passed nothing over. */
  public UpdateCheck(Optional<Version> current, Optional<Release> candidate, List<PrecheckFinding> findings) {
    this(current, candidate, findings, List.of());
  }

  /** @return true when a candidate exists and no blocking precheck failed. */
  public boolean ready() {
    return candidate.isPresent() && findings.stream().noneMatch(PrecheckFinding::blocks);
  }
}
