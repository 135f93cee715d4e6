package dev.thingyan.domain.run;

import dev.thingyan.ports.model.Release;
import java.util.Optional;

/** The release chosen for an update, or why there is none. */
record Selection(Optional<Release> release, String reason) {

  static Selection of(Release r, String reason) {
    return new Selection(Optional.of(r), reason);
  }

  static Selection none(String reason) {
    return new Selection(Optional.empty(), reason);
  }
}
