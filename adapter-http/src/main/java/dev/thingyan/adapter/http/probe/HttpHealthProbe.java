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

  @Override
  public ProbeResult probe(ProbeContext context) {
    String request = "GET " + target.display();
    ProbeHttp.Outcome outcome = http.get(target);
    if (outcome instanceof ProbeHttp.Failure f) {
      return ProbeResult.failed(request + ": " + f.reason());
    }
    ProbeHttp.Answer answer = (ProbeHttp.Answer) outcome;
    String got = request + " -> " + answer.status();
    if (!expectedStatuses.contains(answer.status())) {
      return ProbeResult.failed(got + " (expected " + expected() + ")" + excerpt(answer.body()));
    }
    Optional<Version> want = context.expectedVersion();
    if (versionCheck == VersionCheck.NONE) {
      return ProbeResult.ok(got);
    }
    if (versionCheck == VersionCheck.CONTAINS) {
      return want.isEmpty() || answer.body().contains(want.get().toString())
          ? ProbeResult.ok(got + want.map(v -> ", body contains " + v).orElse(""))
          : ProbeResult.failed(got + ", but the body does not contain " + want.get()
              + ": the new release may not be serving yet");
    }
    return new ReportedVersion(answer.body()).judge(got, want);
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
