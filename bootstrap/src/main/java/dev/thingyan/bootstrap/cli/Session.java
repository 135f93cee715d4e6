package dev.thingyan.bootstrap.cli;

import dev.thingyan.bootstrap.ThingyanSystem;
import dev.thingyan.bootstrap.config.ThingyanConfig;
import dev.thingyan.ports.model.Run;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * One command's use of the wired system: opened from the configuration, start-up recovery run
 * first (a run a killed process left unfinished is finished or rolled back before anything
 * else), then the command, then closed (releasing the pools and locks).
 */
final class Session {
  final ThingyanCommand root;
  final ThingyanSystem system;
  final Messages messages;
  final Views views;
  final PrintWriter out;

  private Session(ThingyanCommand root, ThingyanSystem system) {
    this.root = root;
    this.system = system;
    this.messages = root.messages();
    this.views = root.views();
    this.out = root.env.out();
  }

  /**
   * @param live print run events as they happen (apply, rollback); also those of the recovery
   */
  static int run(ThingyanCommand root, boolean live, ToIntFunction<Session> command) {
    return run(root, live, root.systems, command);
  }

  /** @param systems opens the system from the loaded configuration */
  static int run(ThingyanCommand root, boolean live, Function<ThingyanConfig, ThingyanSystem> systems,
      ToIntFunction<Session> command) {
    ThingyanConfig config = root.config();
    try (ThingyanSystem system = systems.apply(config)) {
      Session session = new Session(root, system);
      if (live) {
        system.addListener(new RunPrinter(session.out, session.messages, session.views));
      }
      session.recover();
      return command.applyAsInt(session);
    }
  }

  // on stderr, so that the stdout of a --json command stays one JSON document
  private void recover() {
    // a run another live process is working on comes back untouched (neither ended nor waiting
    // for an admin): nothing was recovered, and the command itself says that it is busy
    Optional<Run> recovered = system.recoverRuns().recover()
        .filter(r -> r.state().isEnding() || r.awaiting() != Run.Awaiting.NOTHING);
    recovered.ifPresent(r -> root.env.err().println(
        messages.get("recovered", r.id(), messages.state(r.state()))));
    recovered.flatMap(Run::reason).ifPresent(reason ->
        root.env.err().println(messages.get("run.reason", root.mask(reason))));
  }

  /** Prints how a run ended and what, if anything, an admin must do next. */
  void ended(Run run) {
    out.println(messages.get("run.ended", run.id(), messages.state(run.state())));
    run.reason().ifPresent(reason -> out.println(messages.get("run.reason", root.mask(reason))));
    views.appPrecheckReasons(run).forEach(out::println);
    if (run.awaiting() == Run.Awaiting.DB_RESTORE_CONFIRMATION) {
      out.println(messages.get("run.awaiting_db"));
    }
    if (run.blocksUpdates()) {
      out.println(messages.get("run.blocked"));
    }
  }
}
