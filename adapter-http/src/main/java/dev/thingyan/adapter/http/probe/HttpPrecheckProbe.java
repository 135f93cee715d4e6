package dev.thingyan.adapter.http.probe;

import dev.thingyan.ports.model.ProbeContext;
import dev.thingyan.ports.model.ProbeResult;
import dev.thingyan.ports.out.Probe;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An app's own precheck endpoint (e.g. {@code /api/system/update-precheck}): the app knows what
 * an update must not interrupt (an open folio, a check-in in progress). A 2xx answer lets the
 * update go on; any other answer, or none, blocks it, with the reason the app gave: the JSON
 * {@code reason}, {@code message} or {@code reasons[]}, else the start of the body. Never throws.
 */
public final class HttpPrecheckProbe implements Probe {

  /** How much of a plain-text body is shown as the reason. */
  static final int MAX_REASON_CHARS = 300;

  private final HttpTarget target;
  private final ProbeHttp http;

  /** @throws IllegalArgumentException when the JDK refuses one of the target's headers */
  public HttpPrecheckProbe(HttpTarget target) {
    this.target = Objects.requireNonNull(target, "target");
    ProbeHttp.checkHeadersAccepted(target);
    this.http = new ProbeHttp(target.timeout());
  }

  @Override
  public String name() {
    return "http precheck " + target.url().getRawPath();
  }

  @Override
  public ProbeResult probe(ProbeContext context) {
    String request = "GET " + target.display();
    ProbeHttp.Outcome outcome = http.get(target);
    if (outcome instanceof ProbeHttp.Failure f) {
      return ProbeResult.failed(request + ": " + f.reason()
          + "; the app's precheck could not be asked, so the update is held back");
    }
    ProbeHttp.Answer answer = (ProbeHttp.Answer) outcome;
    String got = request + " -> " + answer.status();
    if (answer.status() >= 200 && answer.status() < 300) {
      // a warning the app adds to its "go" is worth showing; a plain body ("OK") is not
      return ProbeResult.ok(got + jsonReason(answer.body()).map(r -> ": " + r).orElse(""));
    }
    return ProbeResult.failed(got + ", the app blocks the update: "
        + jsonReason(answer.body()).or(() -> textReason(answer.body()))
            .orElse("(it gave no reason)"));
  }

  /** @return the JSON {@code reasons[]} joined, else {@code reason}, else {@code message} */
  static Optional<String> jsonReason(String body) {
    Optional<Object> json = MiniJson.parse(body);
    if (json.isEmpty()) {
      return Optional.empty();
    }
    List<String> reasons = MiniJson.strings(json.get(), "reasons");
    if (!reasons.isEmpty()) {
      return Optional.of(String.join("; ", reasons));
    }
    return MiniJson.field(json.get(), "reason").or(() -> MiniJson.field(json.get(), "message"));
  }

  /** @return the body's text on one line, shortened to {@link #MAX_REASON_CHARS} */
  static Optional<String> textReason(String body) {
    String flat = body.strip().replaceAll("\\s+", " ");
    if (flat.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(flat.length() > MAX_REASON_CHARS
        ? flat.substring(0, MAX_REASON_CHARS) + "…" : flat);
  }
}
