package dev.thingyan.bench;

import dev.thingyan.domain.report.ReportValidator;
import dev.thingyan.ports.model.report.ErrorReport;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The reports {@link RedactionBench} redacts, built through the real {@link ReportValidator} (so
 * the frames are parsed as in production). Each holds a little personal data, as real ones do,
 * and a lot of harmless digits (line numbers, ids, timestamps, amounts), which are what the
 * by-value rules have to look at and let pass.
 */
enum RedactionSamples {
  /** ~40-frame Java trace with a Laravel-style SQL message, ids, timestamps, nested context. */
  STACKTRACE(r -> r.stackTrace().raw()) {
    @Override
    Map<String, Object> fields() {
      Map<String, Object> m = base("Check-in failed for booking 88213 at 2025-04-01T10:15:30Z");
      m.put("message", SQL_INSERT);
      m.put("exception_type", "org.springframework.dao.DataIntegrityViolationException");
      m.put("stack_trace", javaTrace(40));
      m.put("context", context());
      return m;
    }
  },
  /** Burmese title and message with Burmese digits (dates, rooms, amounts, one phone). */
  BURMESE(ErrorReport::message) {
    @Override
    Map<String, Object> fields() {
      Map<String, Object> m = base("အခန်း ၄၁၂ တွင် ဧည့်သည် check-in မအောင်မြင်ပါ");
      m.put("message", ("၂၀၂၅-၀၄-၀၁ ၁၀:၁၅:၃၀ တွင် ဘိုကင် ၈၈၂၁၃ အတွက် ငွေပေးချေမှု ၁၅၀,၀၀၀ ကျပ် "
          + "မအောင်မြင်ပါ။ အခန်း ၄၁၂ နှင့် ၄၁၃ ကို ၃ ည အတွက် ကြိုတင်မှာယူထားသည်။ ").repeat(6)
          + "ဧည့်သည်ဖုန်း ၀၉ ၄၅၀ ၁၂၃ ၄၅၆ သို့ SMS ပို့၍ မရပါ။");
      m.put("steps_to_reproduce", "၁။ ဘိုကင် ၈၈၂၁၃ ကိုဖွင့်ပါ\n၂။ ငွေပေးချေမည် ကိုနှိပ်ပါ\n"
          + "၃။ ကတ်ဖြင့် ၁၅၀,၀၀၀ ကျပ် ပေးချေပါ");
      m.put("context", Map.of("screen", "ငွေပေးချေမှု", "booking_id", 88213,
          "note", "အခန်း ၄၁၂ ၊ ၃ ည ၊ ၂၀၂၅-၀၄-၀၁ မှ ၂၀၂၅-၀၄-၀၄ ထိ"));
      return m;
    }
  },
  /** A Laravel QueryException: one long SELECT with joins, an IN list and string bindings. */
  SQL(ErrorReport::message) {
    @Override
    Map<String, Object> fields() {
      Map<String, Object> m = base("QueryException in BookingReport");
      m.put("message", longSql());
      m.put("exception_type", "Illuminate\\Database\\QueryException");
      m.put("stack_trace", phpTrace(12));
      return m;
    }
  },
  /** The smallest usual report: one line, three frames, no context. */
  SHORT(ErrorReport::message) {
    @Override
    Map<String, Object> fields() {
      Map<String, Object> m = base("Room 412 is not ready");
      m.put("message", "Room 412 is not ready (status=DIRTY)");
      m.put("exception_type", "java.lang.IllegalStateException");
      m.put("stack_trace", javaTrace(3));
      return m;
    }
  };

  private static final String SQL_INSERT = "SQLSTATE[23000]: Integrity constraint violation: 1062 "
      + "Duplicate entry '09791234567' for key 'guests_phone_unique' (Connection: mysql, SQL: "
      + "insert into `guests` (`name`, `email`, `phone`, `booking_id`, `created_at`) values "
      + "(Mg Mg, mgmg@gmail.com, 09791234567, 88213, 2025-04-01 10:15:30))";

  private final Function<ErrorReport, String> text;

  RedactionSamples(Function<ErrorReport, String> text) {
    this.text = text;
  }

  /** @return the report's fields as the HTTP adapter would pass them to the validator. */
  abstract Map<String, Object> fields();

  /** @return the one text of the report that {@code TextRedactor} is measured on. */
  String text(ErrorReport r) {
    return text.apply(r);
  }

  ErrorReport report() {
    Clock clock = Clock.fixed(Instant.parse("2025-04-01T10:15:31Z"), ZoneOffset.UTC);
    return new ReportValidator(clock).validate(fields());
  }

  private static Map<String, Object> base(String title) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("title", title);
    m.put("severity", "error");
    m.put("source", "backend");
    m.put("environment", "production");
    m.put("app_version", "1.4.2");
    m.put("trace_id", "4bf92f3577b34da6a3ce929d0e0e4736");
    m.put("request_id", "a3f1c2d4-5b6e-4f70-8a91-b2c3d4e5f607");
    m.put("user_id", "u-1842");
    m.put("role", "front_desk");
    m.put("occurred_at", "2025-04-01T10:15:30Z");
    return m;
  }

  private static final String[] JAVA_FRAMES = {
      "dev.thingyan.pms.booking.CheckInService.checkIn(CheckInService.java:%d)",
      "dev.thingyan.pms.booking.GuestRepository.save(GuestRepository.java:%d)",
      "org.springframework.jdbc.core.JdbcTemplate.update(JdbcTemplate.java:%d)",
      "org.springframework.transaction.support.TransactionTemplate.execute"
          + "(TransactionTemplate.java:%d)",
      "jdk.internal.reflect.GeneratedMethodAccessor%d.invoke(Unknown Source)",
      "org.springframework.web.servlet.FrameworkServlet.service(FrameworkServlet.java:%d)",
      "org.apache.catalina.core.ApplicationFilterChain.internalDoFilter"
          + "(ApplicationFilterChain.java:%d)",
      "org.apache.tomcat.util.net.NioEndpoint$SocketProcessor.doRun(NioEndpoint.java:%d)",
  };

  static String javaTrace(int frames) {
    StringBuilder t = new StringBuilder("org.springframework.dao.DataIntegrityViolationException: "
        + "PreparedStatementCallback; SQL [insert into guests (name, phone) values (?, ?)]; "
        + "Duplicate entry for booking 88213 at 1743502530123\n");
    for (int i = 0; i < frames; i++) {
      if (i == frames / 2) {
        t.append("Caused by: java.sql.SQLIntegrityConstraintViolationException: Duplicate entry "
            + "'09791234567' for key 'guests.phone_unique' (request a3f1c2d4-5b6e-4f70-8a91-"
            + "b2c3d4e5f607, thread http-nio-8080-exec-").append(i).append(")\n");
      }
      t.append("\tat ").append(String.format(JAVA_FRAMES[i % JAVA_FRAMES.length], 41 + 97 * i))
          .append('\n');
    }
    return t.append("\t... 23 more\n").toString();
  }

  static String phpTrace(int frames) {
    StringBuilder t = new StringBuilder("Illuminate\\Database\\QueryException: see message\n");
    for (int i = 0; i < frames; i++) {
      t.append('#').append(i).append(" /var/www/pms/vendor/laravel/framework/src/Illuminate/")
          .append(i % 2 == 0 ? "Database/Connection.php(" : "Pipeline/Pipeline.php(")
          .append(793 + 13 * i).append("): Illuminate\\Database\\Connection->runQueryCallback("
              + "'select `bookings`...', Array, Object(Closure))\n");
    }
    return t.append('#').append(frames).append(" {main}\n").toString();
  }

  static String longSql() {
    StringBuilder ids = new StringBuilder();
    for (int i = 0; i < 120; i++) {
      ids.append(i == 0 ? "" : ", ").append(88000 + 7 * i);
    }
    return "SQLSTATE[HY000]: General error: 3024 Query execution was interrupted, maximum "
        + "statement execution time exceeded (Connection: mysql, SQL: select `bookings`.`id`, "
        + "`bookings`.`check_in`, `bookings`.`check_out`, `rooms`.`number`, `guests`.`name`, "
        + "`guests`.`phone`, sum(`folio_lines`.`amount`) as `total` from `bookings` inner join "
        + "`rooms` on `rooms`.`id` = `bookings`.`room_id` inner join `guests` on `guests`.`id` = "
        + "`bookings`.`guest_id` left join `folio_lines` on `folio_lines`.`booking_id` = "
        + "`bookings`.`id` where `bookings`.`status` = 'checked_in' and `bookings`.`check_in` >= "
        + "'2025-04-01 00:00:00' and `bookings`.`check_in` < '2025-05-01 00:00:00' and "
        + "`guests`.`email` = 'thida@example.com' and `bookings`.`id` in (" + ids + ") group by "
        + "`bookings`.`id`, `rooms`.`number`, `guests`.`name`, `guests`.`phone` order by "
        + "`bookings`.`check_in` desc limit 500 offset 1000)";
  }

  private static Map<String, Object> context() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("booking_id", 88213);
    body.put("room_ids", List.of(412, 413));
    body.put("guest", Map.of("name", "Mg Mg", "phone", "09791234567"));
    body.put("amount", 150000.0);
    body.put("check_in", "2025-04-01");
    body.put("note", "late arrival, call 09791234567 before 22:00");
    Map<String, Object> context = new LinkedHashMap<>();
    context.put("request", Map.of("method", "POST", "path", "/api/bookings/88213/check-in",
        "headers", Map.of("Authorization", "Bearer eyJhbGciOiJIUzI1NiJ9.e30.abc",
            "X-Request-Id", "a3f1c2d4-5b6e-4f70-8a91-b2c3d4e5f607", "Accept", "application/json"),
        "body", body));
    context.put("timings_ms", Map.of("db", 12.5, "total", 1843, "queue", 3));
    context.put("server", Map.of("host", "pms-app-2", "pid", 12345, "started_at", 1743402530123L,
        "heap_used_mb", 812, "threads", 64));
    return context;
  }
}
