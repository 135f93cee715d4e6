package dev.thingyan.bootstrap.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code thingyan reports retry}: queues again the errors GitHub refused, after a fix. */
@Command(name = "retry")
final class ReportsRetryCommand implements Callable<Integer> {
  @ParentCommand ReportsCommand parent;

  @Override
  public Integer call() {
    return Session.run(parent.root, false, s -> {
      s.out.println(s.messages.get("reports.retried",
          s.system.deliverErrorReports().retryRejected()));
      return ExitCodes.OK;
    });
  }
}
