package dev.thingyan.bootstrap.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.thingyan.ports.model.report.ReportReceipt;
import dev.thingyan.ports.model.report.ReportValidationException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code thingyan report FILE|-}: files an error report from a JSON document (the same fields as
 * the HTTP endpoint), then sends what is due to GitHub for a few seconds unless {@code --no-send}.
 * The report is durable before anything is sent: a GitHub outage loses nothing.
 */
@Command(name = "report")
final class ReportCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = JsonMapper.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
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
    Map<String, Object> untrusted;
    try {
      untrusted = read();
    } catch (IllegalArgumentException e) {
      root.env.err().println(root.messages().get("error.report_input", e.getMessage()));
      return ExitCodes.USAGE;
    }
    return Session.run(root, false, s -> {
      ReportReceipt receipt;
      try {
        receipt = s.system.submitErrorReport().submit(root.actor(), untrusted);
      } catch (ReportValidationException e) {
        root.env.err().println(s.messages.get("error.report_invalid", e.getMessage()));
        return ExitCodes.USAGE;
      }
      s.out.println(s.messages.get("report.accepted", String.valueOf(receipt.reportId()),
          receipt.fingerprint().substring(0, 12),
          receipt.issueNumber() > 0 ? "#" + receipt.issueNumber() : "-"));
      return noSend ? ExitCodes.OK : ReportsSendCommand.send(s, sendFor);
    });
  }

  private Map<String, Object> read() {
    try (InputStream in = file.equals("-") ? System.in : Files.newInputStream(Path.of(file))) {
      byte[] bytes = in.readNBytes(MAX_BYTES + 1);
      if (bytes.length > MAX_BYTES) {
        throw new IllegalArgumentException("larger than " + MAX_BYTES + " bytes");
      }
      Object value = JSON.readValue(bytes, Object.class);
      if (!(value instanceof Map<?, ?>)) {
        throw new IllegalArgumentException("expected a JSON object { \"title\": ... }");
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> map = (Map<String, Object>) value;
      return map;
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException(file + " does not exist");
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not valid JSON at line "
          + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ": "
          + e.getOriginalMessage());
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read " + file + " ("
          + e.getClass().getSimpleName() + ")");
    }
  }
}
