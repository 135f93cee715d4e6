package dev.thingyan.bootstrap.crash;

import java.net.URISyntaxException;
import java.nio.file.Path;

/** Where the build writes: the folder above test-classes ({@code target}, or {@code -Dthingyan.build.dir}). */
final class TestPaths {

  private TestPaths() {}

  static Path buildDir() {
    try {
      Path classes = Path.of(TestPaths.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      return classes.getParent();
    } catch (URISyntaxException e) {
      throw new IllegalStateException("cannot tell where the test classes are", e);
    }
  }
}
