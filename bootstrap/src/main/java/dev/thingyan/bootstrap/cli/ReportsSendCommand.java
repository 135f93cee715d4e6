package dev.thingyan.bootstrap.cli;

import dev.thingyan.ports.model.report.DeliveryPass;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code thingyan reports send [--for 60s]}: sends what is due to GitHub, one request at a time,
 * for at most the given time (a cron job can run it every minute). Exit 0 when nothing is left
 * that could be sent now, 1 when GitHub failed or asked to wait (the reports are kept).
 */
@Command(name = "send")
final class ReportsSendCommand implements Callable<Integer> {
  @ParentCommand ReportsCommand parent;

  @Option(names = "--for", paramLabel = "DURATION", descriptionKey = "opt.send_for",
      converter = DurationConverter.class)
  Duration sendFor = Duration.ofSeconds(60);

  @Override
  public Integer call() {
    return Session.run(parent.root, false, s -> send(s, sendFor));
  }

  static int send(Session s, Duration budget) {
    if (s.root.config().reports().github().isEmpty()) {
      s.out.println(s.messages.get("reports.not_configured"));
      return ExitCodes.OK;
    }
    DeliveryPass pass = s.system.deliverErrorReports().deliver(Instant.now().plus(budget));
    if (!pass.leaseHeld()) {
      s.out.println(pass.lastError().map(e -> s.messages.get("reports.not_sent", s.root.mask(e)))
          .orElseGet(() -> s.messages.get("reports.busy")));
      return ExitCodes.OK;
    }
    s.out.println(s.messages.get("reports.sent", pass.created(), pass.commented(),
        pass.reopened(), pass.writes()));
    if (pass.lastError().isPresent() || pass.pausedUntil().isPresent()) {
      s.out.println(s.messages.get("reports.paused",
          pass.pausedUntil().map(s.views::time).orElse("-"),
          s.root.mask(pass.lastError().orElse(""))));
      return pass.lastError().isPresent() ? ExitCodes.FAILED : ExitCodes.OK;
    }
    return ExitCodes.OK;
  }
}
