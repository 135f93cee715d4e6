package dev.thingyan.bootstrap.cli;

import dev.thingyan.ports.in.UpdateCheck;
import dev.thingyan.ports.in.UpdateRequest;
import dev.thingyan.ports.model.RunOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code thingyan check}: what would be installed and the precheck report; changes nothing. */
@Command(name = "check")
final class CheckCommand implements Callable<Integer> {
  @ParentCommand ThingyanCommand root;

  @Option(names = "--pre", descriptionKey = "opt.pre")
  boolean pre;

  @Override
  public Integer call() {
    Path appRoot = root.config().app().root();
    if (!Files.isDirectory(appRoot)) {
      // before the system is opened, which would make <root>/.thingyan and the backup folder:
      // a mistyped app.root must not silently start a new tree
      Messages m = root.messages();
      root.env.out().println(m.get("check.block", "app_root", m.get("check.no_app_root", appRoot,
          root.configPath().toAbsolutePath())));
      root.env.out().println(m.get("check.not_ready"));
      return ExitCodes.FAILED;
    }
    return Session.run(root, false, s -> {
      UpdateCheck check = s.system.checkForUpdates().check(new UpdateRequest(root.actor(),
          Optional.empty(), new RunOptions(false, pre)));
      if (check.sourceFailure().isPresent()) {
        return couldNotCheck(s, check);
      }
      s.out.println(s.messages.get("check.current", s.views.version(check.current())));
      s.out.println(check.candidate()
          .map(r -> s.messages.get("check.candidate", r.version(), r.tag()))
          .orElse(s.messages.get("check.no_candidate")));
      check.considered().forEach(c -> s.out.println("  " + s.messages.get(
          c.taken() ? "check.considered.taken" : "check.considered.skipped", c.tag(), c.why())));
      check.passedOver().forEach(f -> s.out.println("  " + s.views.notOffered(f)));
      check.findings().forEach(f -> s.out.println("  " + s.views.finding(f)));
      s.out.println(s.messages.get(check.ready() ? "check.ready" : "check.not_ready"));
      return check.ready() ? ExitCodes.OK : ExitCodes.FAILED;
    });
  }

  /**
   * Said instead of the candidate line and the verdict, which would read as "no update": the
   * serving version only when it is known, the reason, and the prechecks that did run.
   */
  private int couldNotCheck(Session s, UpdateCheck check) {
    check.current().ifPresent(v -> s.out.println(s.messages.get("check.current", s.views.version(check.current()))));
    s.out.println(s.messages.get("check.could_not_check", root.mask(check.sourceFailure().orElseThrow())));
    check.findings().forEach(f -> s.out.println("  " + s.views.finding(f)));
    return ExitCodes.COULD_NOT_CHECK;
  }
}
