package dev.thingyan.ports.in;

import dev.thingyan.ports.model.Actor;
import dev.thingyan.ports.model.RunOptions;
import java.util.Objects;
import java.util.Optional;

/**
 * An admin's request to check for or apply an update.
 *
 * @param version the tag or version to install; empty means the newest compatible release
 */
public record UpdateRequest(Actor actor, Optional<String> version, RunOptions options) {
  public UpdateRequest {
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(options, "options");
  }
}
