package dev.thingyan.bootstrap.demo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * How the sample app's scripts start it: the {@code java} launcher (11+, for the source launcher)
 * and a classpath holding sqlite-jdbc.
 *
 * @param classpath passed to {@code java -cp}; the sqlite-jdbc jar (or a jar that contains it)
 */
public record SampleAppRuntime(Path java, String classpath) {

  public SampleAppRuntime {
    Objects.requireNonNull(java, "java");
    Objects.requireNonNull(classpath, "classpath");
    if (!Files.isExecutable(java)) {
      throw new IllegalArgumentException("java: " + java + " is not an executable file; set "
          + "THINGYAN_DEMO_JAVA to the java launcher of a JDK 17 or newer");
    }
    if (classpath.isBlank()) {
      throw new IllegalArgumentException("classpath: must name the sqlite-jdbc jar");
    }
  }

  /**
   * @return {@code THINGYAN_DEMO_JAVA} and {@code THINGYAN_DEMO_CLASSPATH} when set, otherwise
   *     this JVM's own launcher and the jar this JVM loaded sqlite-jdbc from
   */
  public static SampleAppRuntime detect() {
    String java = System.getenv("THINGYAN_DEMO_JAVA");
    String cp = System.getenv("THINGYAN_DEMO_CLASSPATH");
    return new SampleAppRuntime(
        java == null || java.isBlank()
            ? Path.of(System.getProperty("java.home"), "bin", "java") : Path.of(java),
        cp == null || cp.isBlank() ? sqliteJar() : cp);
  }

  private static String sqliteJar() {
    var source = org.sqlite.JDBC.class.getProtectionDomain().getCodeSource();
    if (source == null) {
      throw new IllegalStateException("cannot tell where sqlite-jdbc was loaded from; set "
          + "THINGYAN_DEMO_CLASSPATH to the sqlite-jdbc jar");
    }
    try {
      return Path.of(source.getLocation().toURI()).toString();
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException("sqlite-jdbc's location " + source.getLocation()
          + " is not a file; set THINGYAN_DEMO_CLASSPATH to the sqlite-jdbc jar", e);
    }
  }
}
