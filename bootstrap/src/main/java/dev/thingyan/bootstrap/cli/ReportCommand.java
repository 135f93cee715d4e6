package dev.thingyan.bootstrap.cli;

import dev.thingyan.adapter.jdbc.journal.ReportSpool;
import dev.thingyan.domain.report.Redactor;
import dev.thingyan.domain.report.ReportValidator;
import dev.thingyan.ports.model.report.ErrorReport;
import dev.thingyan.ports.model.report.ReportValidationException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code thingyan report FILE|-}: files error reports from one JSON object, a JSON array or
 * NDJSON (the same fields as the HTTP endpoint), then sends what is due to GitHub for a few
 * seconds unless {@code --no-send}. Each report is validated and redacted here and kept in the
 * report spool ({@link ReportSpool}) before the journal is touched, so any number of processes
 * can submit at once: none waits on or fails because of another holding the embedded journal.
 * The process that gets the spool's drain lock moves the spool into the journal; the others
 * leave their reports to it, to the next command, or to the running server.
 */
@Command(name = "report")
final class ReportCommand implements Callable<Integer> {
  static final int MAX_BYTES = 2 << 20;

  @ParentCommand ThingyanCommand root;

  @Parameters(index = "0", paramLabel = "FILE", descriptionKey = "param.report_file")
  String file;

  @Option(names = "--no-send", descriptionKey = "opt.no_send")
  boolean noSend;

  @Option(names = "--send-for", paramLabel = "DURATION", descriptionKey = "opt.send_for",
      converter = DurationConverter.class)
  Duration sendFor = Duration.ofSeconds(20);

  @Override
  public Integer call() {
    List<ReportInput.Item> items;
    try {
      items = ReportInput.read(bytes());
    } catch (IllegalArgumentException e) {
      root.env.err().println(root.messages().get("error.report_input", e.getMessage()));
      return ExitCodes.USAGE;
    }
    Messages messages = root.messages();
    ReportValidator validator = new ReportValidator(Clock.systemUTC());
    Redactor redactor = new Redactor();
    List<ErrorReport> kept = new ArrayList<>();
    List<String> refused = new ArrayList<>();
    for (ReportInput.Item item : items) {
      String problem = item.problem();
      if (problem == null) {
        try {
          kept.add(redactor.redact(validator.validate(item.report())));
        } catch (ReportValidationException e) {
          problem = e.getMessage();
        }
      }
      if (problem != null) {
        refused.add(items.size() == 1
            ? messages.get("error.report_invalid", Terminal.safe(problem))
            : messages.get("report.refused_item", item.number(), Terminal.safe(problem)));
      }
    }
    ReportSpool spool = new ReportSpool(ReportSpool.folderFor(root.config().app().root()));
    kept.forEach(spool::put);
    refused.forEach(root.env.err()::println);
    if (items.size() > 1 || !refused.isEmpty()) {
      root.env.out().println(messages.get("report.summary", kept.size(), refused.size()));
    }
    int status = refused.isEmpty() ? ExitCodes.OK : ExitCodes.USAGE;
    if (kept.isEmpty()) {
      return status;
    }
    int sent = ReportSpoolDrain.drainAndRun(root, spool,
        s -> noSend ? ExitCodes.OK : ReportsSendCommand.send(s, sendFor));
    return status == ExitCodes.OK ? sent : status;
  }

  private byte[] bytes() {
    try (InputStream in = file.equals("-") ? System.in : Files.newInputStream(Path.of(file))) {
      byte[] bytes = in.readNBytes(MAX_BYTES + 1);
      if (bytes.length > MAX_BYTES) {
        throw new IllegalArgumentException("larger than " + MAX_BYTES + " bytes");
      }
      return bytes;
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException(file + " does not exist");
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read " + file + " ("
          + e.getClass().getSimpleName() + ")");
    }
  }
}
