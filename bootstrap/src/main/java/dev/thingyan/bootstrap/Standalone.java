package dev.thingyan.bootstrap;

import java.util.function.LongConsumer;
import dev.thingyan.bootstrap.config.ThingyanConfig;

/**
 * Entry point of the standalone jar: the system from a configuration file. Unlike an embedding
 * host, the standalone process opts in to {@code THINGYAN_FAULT} (the crash tests drive it).
 */
public final class Standalone {

  static {
    // the embedded H2 journal's AUTO_SERVER port (a second CLI process connects through it) stays on loopback
    if (System.getProperty("h2.bindAddress") == null) {
      System.setProperty("h2.bindAddress", "127.0.0.1");
    }
  }

  private Standalone() {}

  /** @return the system wired from a validated configuration */
  public static ThingyanSystem open(ThingyanConfig config) {
    return ThingyanBuilder.from(config).faults(EnvironmentFaults.fromEnvironment()).build();
  }

  /**
   * @return the system wired for one manual backup, whose dump begins before the journal is
   *     opened (see {@link ThingyanBuilder#earlyBackup})
   */
  public static ThingyanSystem openForBackup(ThingyanConfig config, LongConsumer progress) {
    return ThingyanBuilder.from(config).faults(EnvironmentFaults.fromEnvironment())
        .earlyBackup(progress).build();
  }
}
