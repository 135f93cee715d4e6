package dev.thingyan.ports.model;

import java.net.URI;
import java.util.Objects;

/**
 * A file attached to a release.
 *
 * @param location where the source fetches it from (an API URL for GitHub, a file URI for a folder);
 *     opaque to the domain
 * @param size bytes as announced by the source, or -1 when unknown
 */
public record ReleaseAsset(String name, long size, URI location, String contentType) {
  public ReleaseAsset {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(location, "location");
    contentType = contentType == null ? "application/octet-stream" : contentType;
    if (name.isBlank() || name.contains("/") || name.contains("\\") || name.equals("..")) {
      throw new IllegalArgumentException("asset name must be a plain file name: '" + name + "'");
    }
  }
}
