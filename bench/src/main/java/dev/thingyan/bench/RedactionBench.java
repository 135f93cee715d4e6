package dev.thingyan.bench;

import java.io.File;
import java.lang.reflect.InvocationTargetException;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Throughput of redaction by value on one thread (bench/redaction.sh): a whole report through
 * {@code Redactor.redact} (title, message, steps, raw trace, every frame, the context) and the
 * report's main text through {@code TextRedactor.redact}; one op is one report (resp. one text).
 *
 * <p>{@code variant} names the build measured: its classes (update-ports and update-domain, as a
 * class path) come from the system property {@code thingyan.bench.<variant>} and are loaded with
 * {@link RedactionTarget} in a class loader of their own, so that {@code -p
 * variant=baseline,current} measures an older build and the working tree in adjacent forks (JMH
 * varies the parameter last in name order fastest), under the same load. Without the property
 * the bench's own class path is used.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 8, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms256m", "-Xmx256m"})
public class RedactionBench {
  @Param({"STACKTRACE", "BURMESE", "SQL", "SHORT"})
  public String sample;

  @Param({"current"})
  public String variant;

  private Supplier<Object> report;
  private Supplier<Object> text;

  @Setup
  public void setUp() throws ReflectiveOperationException, MalformedURLException,
      URISyntaxException {
    List<Supplier<Object>> ops = operations(variant, sample);
    report = ops.get(0);
    text = ops.get(1);
  }

  @Benchmark
  public Object redactReport() {
    return report.get();
  }

  @Benchmark
  public Object redactText() {
    return text.get();
  }

  @SuppressWarnings("unchecked")
  static List<Supplier<Object>> operations(String variant, String sample)
      throws ReflectiveOperationException, MalformedURLException, URISyntaxException {
    String classPath = System.getProperty("thingyan.bench." + variant);
    if (classPath == null) {
      if (!variant.equals("current")) {
        throw new IllegalStateException("no class path for variant " + variant
            + ": set -Dthingyan.bench." + variant + "=<update-ports>:<update-domain>");
      }
      return RedactionTarget.operations(sample);
    }
    List<URL> urls = new ArrayList<>();
    for (String entry : classPath.split(File.pathSeparator)) {
      urls.add(new File(entry).toURI().toURL());
    }
    // this bench's own classes, for RedactionTarget and RedactionSamples
    urls.add(RedactionBench.class.getProtectionDomain().getCodeSource().getLocation().toURI()
        .toURL());
    @SuppressWarnings("resource") // lives as long as the fork
    URLClassLoader loader = new URLClassLoader("redaction-" + variant, urls.toArray(URL[]::new),
        ClassLoader.getPlatformClassLoader());
    Class<?> target = Class.forName(RedactionTarget.class.getName(), true, loader);
    try {
      return (List<Supplier<Object>>) target.getMethod("operations", String.class)
          .invoke(null, sample);
    } catch (InvocationTargetException e) {
      throw new IllegalStateException("setting up " + variant + "/" + sample, e.getCause());
    }
  }
}
