package dev.thingyan.adapter.http.probe;

import dev.thingyan.ports.model.ProbeContext;
import dev.thingyan.ports.model.ProbeResult;
import dev.thingyan.ports.model.Version;
import dev.thingyan.ports.out.Probe;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A health check over HTTP: GETs an endpoint such as {@code /health} and passes when the status is
 * one of the expected ones and, when asked, the body reports the version being installed (so that
 * the old release still answering is not taken for the new one). Never throws.
 */
public final class HttpHealthProbe implements Probe {

  private final HttpTarget target;
  private final Set<Integer> expectedStatuses;
  private final VersionCheck versionCheck;
  private final ProbeHttp http;

  /**
   * @param expectedStatuses the status codes that count as healthy, e.g. {@code Set.of(200)}
   * @param versionCheck how the body must report {@link ProbeContext#expectedVersion()}, when present
   * @throws IllegalArgumentException when a status is not 100..599, or the JDK refuses a header
   */
  public HttpHealthProbe(HttpTarget target, Set<Integer> expectedStatuses,
      VersionCheck versionCheck) {
    this.target = Objects.requireNonNull(target, "target");
    this.versionCheck = Objects.requireNonNull(versionCheck, "versionCheck");
    this.expectedStatuses = Set.copyOf(expectedStatuses);
    if (this.expectedStatuses.isEmpty()
        || this.expectedStatuses.stream().anyMatch(s -> s < 100 || s > 599)) {
      throw new IllegalArgumentException("expectedStatuses: give one or more codes in 100..599");
    }
    ProbeHttp.checkHeadersAccepted(target);
    this.http = new ProbeHttp(target.timeout());
  }

  /** Expects 200 and, when the context names a version, a JSON body reporting it. */
  public HttpHealthProbe(HttpTarget target) {
    this(target, Set.of(200), VersionCheck.JSON_FIELD);
  }

  @Override
  public String name() {
    return "http " + target.url().getRawPath();
  }

  /**
   * Not ready (asked again): no answer (refused, timeout), or 502/503/504 (a proxy without its
   * backend, an app starting or behind its gate). Broken (not asked again when fail-fast is on):
   * any other unexpected 4xx/5xx, or the wrong version.
   */
  @Override
  public ProbeResult probe(ProbeContext context) {
    HttpTarget target = context.origin().map(this.target::atOrigin).orElse(this.target);
    String request = "GET " + target.display();
    HttpTarget t = target;
    String note = "";
    if (context.gate().isPresent()) {
      GateCookies.Pass pass = GateCookies.pass(http, target, context.gate().get());
      t = pass.target();
      note = pass.note();
    }
    ProbeHttp.Outcome outcome = http.get(t);
    if (outcome instanceof ProbeHttp.Failure f) {
      return ProbeResult.failed(request + ": " + f.reason() + note);
    }
    ProbeHttp.Answer answer = (ProbeHttp.Answer) outcome;
    String got = request + " -> " + answer.status() + note;
    if (!expectedStatuses.contains(answer.status())) {
      String detail = got + " (expected " + expected() + ")" + excerpt(answer.body());
      return notReady(answer.status()) ? ProbeResult.failed(detail) : ProbeResult.broken(detail);
    }
    Optional<Version> want = context.expectedVersion();
    if (versionCheck == VersionCheck.NONE) {
      return ProbeResult.ok(got);
    }
    if (versionCheck == VersionCheck.CONTAINS) {
      return want.isEmpty() || answer.body().contains(want.get().toString())
          ? ProbeResult.ok(got + want.map(v -> ", body contains " + v).orElse(""))
          : ProbeResult.broken(got + ", but the body does not contain " + want.get()
              + ": the new release is not the one serving");
    }
    return new ReportedVersion(answer.body()).judge(got, want);
  }

  /** An HTTP check can ask the preview of a staged release: same path and headers, another origin. */
  @Override
  public boolean followsOrigin() {
    return true;
  }

  /** A status that says "not up yet" rather than "broken": gateways without a backend, 503. */
  static boolean notReady(int status) {
    return status == 502 || status == 503 || status == 504 || status < 400;
  }

  private String expected() {
    return String.join(" or ", new TreeSet<>(expectedStatuses).stream().map(String::valueOf)
        .toList());
  }

  static String excerpt(String body) {
    String flat = body.strip().replaceAll("\\s+", " ");
    if (flat.isEmpty()) {
      return "";
    }
    return ": " + (flat.length() > 200 ? flat.substring(0, 200) + "…" : flat);
  }
}
