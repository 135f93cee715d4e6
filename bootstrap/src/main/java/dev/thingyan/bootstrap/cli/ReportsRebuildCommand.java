package dev.thingyan.bootstrap.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/**
 * {@code thingyan reports rebuild}: relinks errors to their issues from the hidden marker in the
 * bodies of this bot's labelled issues (after the journal was lost or restored from an old copy).
 */
@Command(name = "rebuild")
final class ReportsRebuildCommand implements Callable<Integer> {
  @ParentCommand ReportsCommand parent;

  @Override
  public Integer call() {
    return Session.run(parent.root, false, s -> {
      int linked = s.system.deliverErrorReports().rebuildMap();
      s.out.println(s.messages.get("reports.rebuilt", linked));
      return ExitCodes.OK;
    });
  }
}
