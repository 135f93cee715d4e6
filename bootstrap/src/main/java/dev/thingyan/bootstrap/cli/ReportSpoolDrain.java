package dev.thingyan.bootstrap.cli;

import dev.thingyan.adapter.jdbc.journal.ReportSpool;
import java.util.Optional;
import java.util.function.ToIntFunction;

/**
 * Moves the report spool into the journal, then runs a command in the same session. Only the
 * process holding the spool's drain lock opens the journal for it: with eight submitters at once,
 * one drains and seven return as soon as their reports are in the spool. A journal that cannot
 * be opened now (another process holds it) leaves the reports in the spool: they are kept, and
 * the next command or the running server files them.
 */
final class ReportSpoolDrain {
  private ReportSpoolDrain() {}

  /** In an open session (e.g. {@code reports}): drains if no other process is draining. */
  static void drainQuietly(ThingyanCommand root, Session s) {
    ReportSpool spool = new ReportSpool(ReportSpool.folderFor(root.config().app().root()));
    Optional<AutoCloseable> lock = spool.drainLock();
    if (lock.isEmpty()) {
      return;
    }
    try (AutoCloseable held = lock.get()) {
      spool.drain(r -> s.system.submitErrorReport().submit(root.actor(), r));
    } catch (Exception e) {
      root.env.err().println(Terminal.safe(root.mask(String.valueOf(e.getMessage()))));
    }
  }

  static int drainAndRun(ThingyanCommand root, ReportSpool spool,
      ToIntFunction<Session> command) {
    Optional<AutoCloseable> lock = spool.drainLock();
    if (lock.isEmpty()) {
      root.env.out().println(root.messages().get("report.spooled", spool.size()));
      return ExitCodes.OK;
    }
    try (AutoCloseable held = lock.get()) {
      return Session.run(root, false, s -> {
        spool.drain(r -> {
          var receipt = s.system.submitErrorReport().submit(root.actor(), r);
          s.out.println(s.messages.get("report.accepted", String.valueOf(receipt.reportId()),
              receipt.fingerprint().substring(0, 12),
              receipt.issueNumber() > 0 ? "#" + receipt.issueNumber() : "-"));
        });
        return command.applyAsInt(s);
      });
    } catch (RuntimeException e) {
      root.env.out().println(root.messages().get("report.spooled", spool.size()));
      root.env.err().println(Terminal.safe(root.mask(String.valueOf(e.getMessage()))));
      return ExitCodes.OK;
    } catch (Exception e) {
      return ExitCodes.OK; // releasing a file lock: the spool is safe either way
    }
  }
}
