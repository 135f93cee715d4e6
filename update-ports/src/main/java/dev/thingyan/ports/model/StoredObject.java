package dev.thingyan.ports.model;

import java.util.Objects;

/** An object a backup store holds, as the store itself reports it. */
public record StoredObject(String key, long size) {
  public StoredObject {
    Objects.requireNonNull(key, "key");
  }
}
