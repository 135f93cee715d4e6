package dev.thingyan.domain.report;

import java.util.LinkedHashMap;
import java.util.Map;

/** Test data: a valid untrusted report as a map, to change one field at a time. */
final class Reports {
  private Reports() {}

  static Map<String, Object> valid() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("title", "Check-in fails for room 412");
    m.put("severity", "error");
    m.put("source", "backend");
    m.put("environment", "production");
    m.put("app_version", "1.4.2");
    m.put("trace_id", "4bf92f3577b34da6a3ce929d0e0e4736");
    m.put("user_id", "u-1842");
    m.put("role", "front_desk");
    m.put("message", "Room 412 is not ready");
    m.put("exception_type", "java.lang.IllegalStateException");
    m.put("stack_trace", """
        java.lang.IllegalStateException: Room 412 is not ready
        \tat dev.thingyan.pms.CheckIn.checkIn(CheckIn.java:88)
        \tat org.springframework.web.servlet.FrameworkServlet.service(FrameworkServlet.java:897)
        """);
    m.put("occurred_at", "2025-04-01T10:15:30Z");
    return m;
  }

  static Map<String, Object> with(String key, Object value) {
    Map<String, Object> m = valid();
    m.put(key, value);
    return m;
  }
}
