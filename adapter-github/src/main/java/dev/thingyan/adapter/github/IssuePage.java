package dev.thingyan.adapter.github;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of an issue listing, pull requests already left out, and the link to the next page if
 * GitHub sent one.
 */
record IssuePage(List<GhIssue> issues, Optional<URI> next) {
  IssuePage {
    issues = List.copyOf(issues);
    Objects.requireNonNull(next, "next");
  }
}
