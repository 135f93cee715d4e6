package dev.thingyan.bootstrap;

import dev.thingyan.ports.model.Version;

/** This build's version, compared with a release's {@code min_agent_version}. */
public final class Versions {
  private Versions() {}

  public static final Version AGENT = Version.parse("0.1.0");
}
