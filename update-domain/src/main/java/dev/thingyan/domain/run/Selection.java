package dev.thingyan.domain.run;

import dev.thingyan.ports.model.FailedRelease;
import dev.thingyan.ports.model.Release;
import java.util.List;
import java.util.Optional;

/**
 * The release chosen for an update, or why there is none.
 *
 * @param passedOver newer releases the automatic choice skipped because their installation failed
 */
record Selection(Optional<Release> release, String reason, List<FailedRelease> passedOver) {

  Selection {
    passedOver = List.copyOf(passedOver);
  }

  static Selection of(Release r, String reason) {
    return new Selection(Optional.of(r), reason, List.of());
  }

  static Selection none(String reason) {
    return new Selection(Optional.empty(), reason, List.of());
  }
}
