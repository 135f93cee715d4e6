package dev.thingyan.domain.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.thingyan.ports.model.report.ErrorReport;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FingerprinterTest {
  private final Fingerprinter fingerprinter = new Fingerprinter(InAppRules.DEFAULT);
  private final ReportValidator validator = new ReportValidator(Clock.systemUTC());

  private String fingerprint(String type, String message, String trace) {
    Map<String, Object> m = Reports.valid();
    m.put("exception_type", type);
    m.put("message", message);
    m.put("stack_trace", trace);
    ErrorReport r = new Redactor().redact(validator.validate(m));
    return fingerprinter.fingerprint(r);
  }

  private static String javaTrace(int line, String inApp, String host) {
    return "java.lang.IllegalStateException: boom\n"
        + "\tat dev.thingyan.pms." + inApp + "(CheckIn.java:" + line + ")\n"
        + "\tat dev.thingyan.pms.Api.lambda$post$" + line % 7 + "(Api.java:" + (line + 3) + ")\n"
        + "\tat org.springframework.Web.handle(Web.java:" + (line * 2) + ")\n"
        + "\tat " + host + "//java.lang.Thread.run(Thread.java:833)";
  }

  @Test
  void isStableAcrossLinesIdsPathsAndMachines() {
    String a = fingerprint("java.lang.IllegalStateException",
        "Room 412 of booking 3f9a1c2b-4d5e-4f70-8a91-b2c3d4e5f607 not ready in /var/www/a/x.txt"
            + " for aung@gmail.com at 0x7ffd4c2a, 'DIRTY'",
        javaTrace(88, "CheckIn.checkIn", "java.base/"));
    String b = fingerprint("java.lang.IllegalStateException",
        "Room 17 of booking 00000000-1111-2222-3333-444444444444 not ready in /srv/pms/b/y.txt"
            + " for mya@yahoo.com at 0x1b6d3586, 'CLEAN'",
        javaTrace(95, "CheckIn.checkIn", "app/"));
    assertThat(a).isEqualTo(b).hasSize(64).matches("[0-9a-f]{64}");
  }

  @Test
  void differsByTypeAndByInAppFrameNotByVendorFrame() {
    String base = fingerprint("java.lang.IllegalStateException", "boom",
        javaTrace(1, "CheckIn.checkIn", ""));
    assertThat(fingerprint("java.lang.IllegalArgumentException", "boom",
        javaTrace(1, "CheckIn.checkIn", ""))).isNotEqualTo(base);
    assertThat(fingerprint("java.lang.IllegalStateException", "boom",
        javaTrace(1, "CheckOut.checkOut", ""))).isNotEqualTo(base);
    assertThat(fingerprint("java.lang.IllegalStateException", "boom",
        javaTrace(1, "CheckIn.checkIn", "").replace("org.springframework.Web.handle",
            "org.springframework.Web2.dispatch"))).isEqualTo(base);
  }

  @Test
  void ignoresBundleHashesOfScripts() {
    String v1 = "TypeError: x is undefined\n    at https://pms/assets/index-3f9a1c2b.js:1:48213";
    String v2 = "TypeError: x is undefined\n    at https://pms/assets/index-77aa0c11.js:1:50001";
    assertThat(fingerprint("TypeError", "x is undefined", v1))
        .isEqualTo(fingerprint("TypeError", "x is undefined", v2));
  }
}
