package dev.thingyan.adapter.github;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** One page of the releases listing and the link to the next page, if GitHub sent one. */
record ReleasePage(List<GhRelease> releases, Optional<URI> next) {
  ReleasePage {
    releases = List.copyOf(releases);
    Objects.requireNonNull(next, "next");
  }
}
