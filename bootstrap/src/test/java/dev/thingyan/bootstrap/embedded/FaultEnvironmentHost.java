package dev.thingyan.bootstrap.embedded;

import dev.thingyan.bootstrap.ThingyanBuilder;
import dev.thingyan.bootstrap.ThingyanSystem;
import dev.thingyan.bootstrap.config.ConfigLoader;
import dev.thingyan.ports.in.UpdateRequest;
import dev.thingyan.ports.model.Actor;
import dev.thingyan.ports.model.RunOptions;
import java.nio.file.Path;
import java.util.Optional;

/** A host's main: builds the library from a configuration file and applies the newest release. */
public final class FaultEnvironmentHost {

  private FaultEnvironmentHost() {}

  public static void main(String[] args) {
    try (ThingyanSystem system = ThingyanBuilder.from(ConfigLoader.load(Path.of(args[0]))).build()) {
      System.out.println("run ended: " + system.applyUpdate().apply(
          new UpdateRequest(new Actor("host"), Optional.empty(), RunOptions.DEFAULT)).state());
    }
  }
}
