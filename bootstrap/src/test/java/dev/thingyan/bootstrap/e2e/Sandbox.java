package dev.thingyan.bootstrap.e2e;

import dev.thingyan.adapter.jdbc.ConnectionSettings;
import dev.thingyan.adapter.jdbc.DataSources;
import dev.thingyan.adapter.jdbc.journal.JdbiAuditTrail;
import dev.thingyan.adapter.jdbc.journal.JournalDatabase;
import dev.thingyan.bootstrap.DemoEnvironment;
import dev.thingyan.bootstrap.Standalone;
import dev.thingyan.bootstrap.ThingyanSystem;
import dev.thingyan.bootstrap.demo.DemoRelease;
import dev.thingyan.bootstrap.demo.SampleEdition;
import dev.thingyan.ports.in.UpdateRequest;
import dev.thingyan.ports.model.Actor;
import dev.thingyan.ports.model.AuditEvent;
import dev.thingyan.ports.model.Run;
import dev.thingyan.ports.model.RunOptions;
import dev.thingyan.ports.model.StepRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * One real sandbox for an end-to-end test class: the demo's app root, loopback release server and
 * sample app ({@link DemoEnvironment}), plus the system wired from its configuration file exactly as
 * the standalone jar wires it. Closing it stops the sample app and the servers.
 */
final class Sandbox implements AutoCloseable {

  static final Actor ADMIN = new Actor("e2e:admin");

  final Path dir;
  final DemoEnvironment env;
  final ThingyanSystem system;
  final TestReleases releases;

  Sandbox(Path dir) {
    this(dir, UnaryOperator.identity());
  }

  /** @param editConfig rewrites the demo's configuration file before the system is built from it */
  Sandbox(Path dir, UnaryOperator<String> editConfig) {
    this.dir = dir;
    this.env = new DemoEnvironment(dir);
    try {
      Files.writeString(env.configFile(), editConfig.apply(Files.readString(env.configFile())));
      this.system = Standalone.open(env.loadConfig());
    } catch (IOException | RuntimeException e) {
      env.close();
      throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
    }
    this.releases = new TestReleases(dir.resolve("built"), env.signer());
  }

  /** Publishes a demo edition and installs exactly it. */
  Run install(SampleEdition edition) {
    env.publish(edition);
    return apply(edition.version(), RunOptions.DEFAULT);
  }

  /** Publishes a release built by the test and asks for exactly its version. */
  Run install(DemoRelease release) {
    env.server().publish(release);
    return apply(release.version(), RunOptions.DEFAULT);
  }

  Run apply(String version, RunOptions options) {
    return system.applyUpdate().apply(new UpdateRequest(ADMIN, Optional.ofNullable(version), options));
  }

  List<StepRecord> steps(Run run) {
    return system.queryRuns().run(run.id()).orElseThrow().steps();
  }

  /** @return the steps as {@code name:OUTCOME} (or {@code name:unfinished}), in journal order */
  List<String> stepOutcomes(Run run) {
    return steps(run).stream()
        .map(s -> s.step() + ":" + s.outcome().map(Enum::name).orElse("unfinished")).toList();
  }

  /** @return the run's whole journaled log, for assertion messages */
  String log(Run run) {
    StringBuilder out = new StringBuilder("run " + run.id() + " " + run.state().wireName() + "\n");
    system.queryRuns().run(run.id()).orElseThrow().events().forEach(e -> out.append("  ")
        .append(e.state().wireName()).append(e.step().map(s -> " [" + s + "]").orElse(""))
        .append(' ').append(e.message()).append('\n'));
    return out.toString();
  }

  List<String> stepNames(Run run) {
    return steps(run).stream().map(StepRecord::step).toList();
  }

  /** @return the folder {@code current} resolves to, or empty when there is no {@code current} */
  Optional<Path> current() {
    Path link = env.appRoot().resolve("current");
    try {
      return Files.exists(link) ? Optional.of(link.toRealPath()) : Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** @return the names of the folders under {@code releases/}, sorted */
  List<String> releaseFolders() {
    Path releasesDir = env.appRoot().resolve("releases");
    if (!Files.isDirectory(releasesDir)) {
      return List.of();
    }
    try (Stream<Path> list = Files.list(releasesDir)) {
      return list.map(p -> p.getFileName().toString()).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Runs {@code thingyan --lang en COMMAND…} in its own JVM on this sandbox's configuration, to its end. */
  CliProcess.Result cli(String name, String... command) {
    try (CliProcess p = CliProcess.start(dir, name, env.configFile(), command)) {
      return p.await();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while " + name + " ran", e);
    }
  }

  /** @return what is left under {@code .thingyan/downloads/}, sorted */
  List<String> downloads() {
    Path downloads = env.appRoot().resolve(".thingyan/downloads");
    if (!Files.isDirectory(downloads)) {
      return List.of();
    }
    try (Stream<Path> list = Files.list(downloads)) {
      return list.map(p -> p.getFileName().toString()).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  boolean maintenanceFlag() {
    return Files.exists(env.appRoot().resolve(".thingyan/maintenance"));
  }

  String health() {
    return env.get("/health");
  }

  AppDatabase database() {
    return new AppDatabase(env.database());
  }

  /** Reads the audit trail through a connection of its own to the H2 journal file. */
  List<AuditEvent> audit() {
    return withAudit(trail -> trail.recent(1000));
  }

  boolean auditChainIntact() {
    return withAudit(JdbiAuditTrail::verifyChain);
  }

  private <T> T withAudit(java.util.function.Function<JdbiAuditTrail, T> read) {
    String url = env.loadConfig().journal().url();
    return read.apply(JournalDatabase.open(DataSources.unpooled(new ConnectionSettings(url, "", "")))
        .auditTrail());
  }

  @Override
  public void close() {
    try {
      system.close();
    } finally {
      env.close();
    }
  }
}
