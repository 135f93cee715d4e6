package dev.thingyan.adapter.jdbc.journal;

import dev.thingyan.ports.model.Version;
import dev.thingyan.ports.model.report.ErrorReport;
import dev.thingyan.ports.model.report.ReportSource;
import dev.thingyan.ports.model.report.Severity;
import dev.thingyan.ports.model.report.StackFrame;
import dev.thingyan.ports.model.report.StackTrace;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/** Reports for the outbox tests and its benchmark. */
final class OutboxReports {

  static final String FP_A = "a".repeat(64);
  static final String FP_B = "b".repeat(64);
  static final String FP_C = "c".repeat(64);

  private OutboxReports() {}

  /** A report with nothing optional: an admin form without a stack trace. */
  static ErrorReport bare(String title, Optional<Version> version) {
    return new ErrorReport(title, Severity.INFO, ReportSource.ADMIN_FORM, "production", version,
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
        "", Optional.empty(), StackTrace.EMPTY, Map.of(),
        Instant.parse("2025-04-13T09:30:00Z"));
  }

  static ErrorReport bare(String version) {
    return bare("folio total is negative", Optional.of(Version.parse(version)));
  }

  /** About 3 KB of JSON: a PHP exception with 9 frames and a small context. */
  static ErrorReport typical() {
    StringBuilder raw = new StringBuilder();
    List<StackFrame> frames = new ArrayList<>();
    for (int i = 0; i < 9; i++) {
      String fn = "App\\Http\\Controllers\\FolioController->store" + i;
      String file = "/var/www/releases/1.4.2/app/Http/Controllers/FolioController.php";
      raw.append("#").append(i).append(' ').append(file).append('(').append(40 + i).append("): ")
          .append(fn).append("()\n");
      frames.add(new StackFrame(fn, Optional.of(file), OptionalInt.of(40 + i)));
    }
    Map<String, Object> context = new LinkedHashMap<>();
    context.put("route", "folios.store");
    context.put("room", 204);
    context.put("nights", List.of(1, 2, 3));
    return new ErrorReport("Folio total is negative after a discount", Severity.ERROR,
        ReportSource.BACKEND, "production", Optional.of(Version.parse("1.4.2")),
        Optional.of("4bf92f3577b34da6a3ce929d0e0e4736"), Optional.of("req-81c2"),
        Optional.of("u-1042"), Optional.of("front_desk"), Optional.empty(),
        "Folio 2025-0413-204 total is -12000 MMK after discount [redacted:phone]",
        Optional.of("App\\Exceptions\\FolioException"), new StackTrace(raw.toString(), frames),
        context, Instant.parse("2025-04-13T09:29:59.123456789Z"));
  }

  /** Every field set: Burmese text, a nested context with every kind of value, a long trace. */
  static ErrorReport full(int stackTraceChars) {
    String line = "\tat dev.thingyan.pms.Folio.close(Folio.java:42) ချွင်းချက်\n";
    String raw = line.repeat(stackTraceChars / line.length() + 1).substring(0, stackTraceChars);
    List<StackFrame> frames = List.of(
        new StackFrame("dev.thingyan.pms.Folio.close", Optional.of("Folio.java"),
            OptionalInt.of(42)),
        new StackFrame("handleClick", Optional.empty(), OptionalInt.empty()),
        StackFrame.of(""));
    Map<String, Object> guest = new LinkedHashMap<>();
    guest.put("အမည်", "[redacted:name]");
    guest.put("nights", 3);
    guest.put("rate", 45000.5);
    guest.put("big", 9_000_000_000L);
    guest.put("small long", 7L);
    guest.put("huge", new BigInteger("123456789012345678901234567890"));
    guest.put("money", new BigDecimal("12.50"));
    guest.put("ratio", 0.25f);
    guest.put("vip", false);
    Map<String, Object> context = new LinkedHashMap<>();
    context.put("guest", guest);
    context.put("rooms", List.of(101, "၁၀၂", List.of(true, Map.of()), Map.of("floor", 1)));
    context.put("tag", Map.of("$long", "looks like a tag"));
    context.put("empty", List.of());
    context.put("မြို့", "ရန်ကုန်");
    return new ErrorReport("ငွေစာရင်း ပိတ်၍မရပါ — folio close failed", Severity.CRITICAL,
        ReportSource.FRONTEND, "staging", Optional.of(Version.parse("v2.0.0-rc.1+build.5")),
        Optional.of("trace-1"), Optional.of("req-1"), Optional.of("u-7"), Optional.of("cashier"),
        Optional.of("၁။ ငွေစာရင်းဖွင့်ပါ\n2. Press \"close\" \\ twice"),
        "Cannot close folio: total \"−12,000\" ကျပ်\n\u0001 control", Optional.of("TypeError"),
        new StackTrace(raw, frames), context, Instant.parse("2025-04-13T09:29:59.123456789Z"));
  }
}
