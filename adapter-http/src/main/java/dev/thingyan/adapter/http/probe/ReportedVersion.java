package dev.thingyan.adapter.http.probe;

import dev.thingyan.ports.model.ProbeResult;
import dev.thingyan.ports.model.Version;
import java.util.Optional;

/**
 * The version a health body reports in its {@code app_version} (or else {@code version}) field,
 * and whether it is the one expected.
 */
final class ReportedVersion {

  private final String field;
  private final Optional<String> text;

  ReportedVersion(String body) {
    Optional<Object> json = MiniJson.parse(body);
    Optional<String> app = json.flatMap(j -> MiniJson.field(j, "app_version"));
    Optional<String> plain = json.flatMap(j -> MiniJson.field(j, "version"));
    this.field = app.isPresent() ? "app_version" : "version";
    this.text = app.or(() -> plain);
  }

  /** @param got "GET url -> status", the start of the detail */
  ProbeResult judge(String got, Optional<Version> want) {
    if (text.isEmpty()) {
      return want.isEmpty() ? ProbeResult.ok(got)
          : ProbeResult.failed(got + ", but the body is not a JSON object with app_version or"
              + " version, so it cannot show that " + want.get() + " is serving: make /health"
              + " report app_version, or configure the check as 'contains'");
    }
    String reported = field + " " + text.get();
    if (want.isEmpty() || matches(text.get(), want.get())) {
      return ProbeResult.ok(got + ", " + reported);
    }
    // asked after the post-swap hooks (the app's restart, a PHP-FPM reload): not worth waiting for
    return ProbeResult.broken(got + ", but the body reports " + text.get() + " while "
        + want.get() + " is expected: the old release (or a cache) is still answering");
  }

  private static boolean matches(String reported, Version want) {
    try {
      return Version.parse(reported).samePrecedence(want);
    } catch (IllegalArgumentException notSemver) {
      return reported.equals(want.toString());
    }
  }
}
