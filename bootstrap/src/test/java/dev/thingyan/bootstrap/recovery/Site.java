package dev.thingyan.bootstrap.recovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.thingyan.bootstrap.DemoEnvironment;
import dev.thingyan.bootstrap.ThingyanBuilder;
import dev.thingyan.bootstrap.ThingyanSystem;
import dev.thingyan.bootstrap.demo.SampleEdition;
import dev.thingyan.ports.in.QueryRuns;
import dev.thingyan.ports.in.UpdateRequest;
import dev.thingyan.ports.model.Actor;
import dev.thingyan.ports.model.Run;
import dev.thingyan.ports.model.RunEvent;
import dev.thingyan.ports.model.RunOptions;
import dev.thingyan.ports.model.RunState;
import dev.thingyan.ports.model.StepRecord;
import dev.thingyan.ports.out.FaultPoints;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The demo sandbox driven in-process through the real system (ThingyanBuilder): each call builds a
 * fresh system, as a restarted process would, and closes it again.
 */
final class Site implements AutoCloseable {

  static final Actor ADMIN = new Actor("cli:test-admin");
  private static final Pattern APP_VERSION = Pattern.compile("\"app_version\"\\s*:\\s*\"([^\"]+)\"");

  final DemoEnvironment env;
  private final java.util.Set<SampleEdition> published = java.util.EnumSet.noneOf(SampleEdition.class);
  private Path v1Dir;

  Site(Path dir) {
    this.env = new DemoEnvironment(dir);
  }

  ThingyanSystem system(FaultPoints faults) {
    return ThingyanBuilder.from(env.loadConfig()).faults(faults).build();
  }

  /** Publishes V1 and installs it (a first install), so that V1 serves. */
  Site withV1Serving() {
    publish(SampleEdition.V1);
    try (ThingyanSystem system = system(FaultPoints.NONE)) {
      Run run = system.applyUpdate().apply(request());
      assertThat(run.state()).as("V1 installed: %s", run.reason()).isEqualTo(RunState.COMPLETED);
    }
    assertThat(servingVersion()).isEqualTo("1.0.0");
    v1Dir = currentTarget();
    return this;
  }

  Path v1Dir() {
    return v1Dir;
  }

  static UpdateRequest request() {
    return new UpdateRequest(ADMIN, Optional.empty(), RunOptions.DEFAULT);
  }

  /** Publishes {@code edition} and applies it in a process that "dies" at {@code point}. */
  Run applyAndCrash(SampleEdition edition, String point) {
    publish(edition);
    try (ThingyanSystem system = system(Crash.at(point))) {
      assertThatThrownBy(() -> system.applyUpdate().apply(request()))
          .as("the run reached %s", point).isInstanceOf(Crash.class);
      return system.queryRuns().status().active().orElseThrow(() ->
          new AssertionError("the crashed run is not left unfinished in the journal"));
    }
  }

  /** Publishes a release once (the release server refuses a tag twice). */
  void publish(SampleEdition edition) {
    if (published.add(edition)) {
      env.publish(edition);
    }
  }

  /** Start-up recovery in a freshly built system. */
  Run recover() {
    try (ThingyanSystem system = system(FaultPoints.NONE)) {
      return system.recoverRuns().recover().orElseThrow(() -> new AssertionError("nothing was recovered"));
    }
  }

  QueryRuns.Detail detail(Run run) {
    try (ThingyanSystem system = system(FaultPoints.NONE)) {
      return system.queryRuns().run(run.id()).orElseThrow();
    }
  }

  /** @return the names of the run's steps that succeeded (or were skipped), in order */
  List<String> stepsDone(Run run) {
    return detail(run).steps().stream().filter(s -> s.outcome().isPresent() && s.endedAt().isPresent())
        .filter(s -> s.outcome().get() != dev.thingyan.ports.model.StepOutcome.FAILED).map(StepRecord::step).toList();
  }

  /** @return the states the run's log went through, in order, without repeats */
  List<RunState> statesVisited(Run run) {
    List<RunState> states = new java.util.ArrayList<>();
    for (RunEvent e : detail(run).events()) {
      if (states.isEmpty() || states.get(states.size() - 1) != e.state()) {
        states.add(e.state());
      }
    }
    return states;
  }

  String log(Run run) {
    StringBuilder out = new StringBuilder();
    detail(run).events().forEach(e -> out.append(e.state().wireName()).append(' ')
        .append(e.step().orElse("-")).append(' ').append(e.message()).append('\n'));
    return out.toString();
  }

  String servingVersion() {
    String health = env.get("/health");
    Matcher m = APP_VERSION.matcher(health);
    return health.startsWith("200 ") && m.find() ? m.group(1) : "not serving (" + health.trim() + ")";
  }

  Path currentTarget() {
    try {
      return env.appRoot().resolve(Files.readSymbolicLink(env.appRoot().resolve("current"))).normalize();
    } catch (IOException e) {
      throw new UncheckedIOException("current is not a link", e);
    }
  }

  boolean maintenanceFlag() {
    return Files.exists(env.appRoot().resolve(".thingyan/maintenance"));
  }

  /** @return the app database's tables and the columns of bookings, e.g. {@code [bookings, migrations, rates, bookings.channel]} */
  List<String> schema() {
    try (var c = DriverManager.getConnection("jdbc:sqlite:" + env.database()); var s = c.createStatement()) {
      List<String> out = new java.util.ArrayList<>();
      try (ResultSet r = s.executeQuery("SELECT name FROM sqlite_master WHERE type='table' "
          + "AND name NOT LIKE 'sqlite_%' ORDER BY name")) {
        while (r.next()) {
          out.add(r.getString(1));
        }
      }
      try (ResultSet r = s.executeQuery("PRAGMA table_info(bookings)")) {
        while (r.next()) {
          if (r.getString("name").equals("channel")) {
            out.add("bookings.channel");
          }
        }
      }
      return out;
    } catch (SQLException e) {
      throw new AssertionError("cannot read the app database", e);
    }
  }

  static final List<String> V1_SCHEMA = List.of("bookings", "migrations");
  static final List<String> V2_SCHEMA = List.of("bookings", "migrations", "rates", "bookings.channel");

  /** V1 serves from its own folder, on its own schema, with no gate left on. */
  void assertV1Untouched(String when) {
    assertThat(servingVersion()).as("/health %s", when).isEqualTo("1.0.0");
    assertThat(currentTarget()).as("current %s", when).isEqualTo(v1Dir);
    assertThat(schema()).as("app database schema %s", when).isEqualTo(V1_SCHEMA);
    assertThat(maintenanceFlag()).as("maintenance flag %s", when).isFalse();
  }

  @Override
  public void close() {
    env.close();
  }
}
