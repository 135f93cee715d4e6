package dev.thingyan.domain.run;

import dev.thingyan.ports.model.ConsideredRelease;
import dev.thingyan.ports.model.FailedRelease;
import dev.thingyan.ports.model.Release;
import java.util.List;
import java.util.Optional;

/**
 * The release chosen for an update, or why there is none.
 *
 * @param passedOver newer releases the automatic choice skipped because their installation failed
 * @param considered the releases the automatic choice verified, each taken or skipped with why
 */
record Selection(Optional<Release> release, String reason, List<FailedRelease> passedOver,
    List<ConsideredRelease> considered) {

  Selection {
    passedOver = List.copyOf(passedOver);
    considered = List.copyOf(considered);
  }

  static Selection of(Release r, String reason) {
    return new Selection(Optional.of(r), reason, List.of(), List.of());
  }

  static Selection none(String reason) {
    return new Selection(Optional.empty(), reason, List.of(), List.of());
  }
}
