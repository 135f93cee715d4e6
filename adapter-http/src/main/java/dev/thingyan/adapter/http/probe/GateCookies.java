package dev.thingyan.adapter.http.probe;

import dev.thingyan.ports.model.GateBypass;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How an HTTP probe passes a raised maintenance gate. Every request carries
 * {@code X-Thingyan-Gate: <secret>} (a web-server-level gate, e.g. an nginx {@code map}, can let it
 * through); before the probe, a GET of {@code /<secret>} on the same origin asks for the app's own
 * bypass: Laravel's {@code php artisan down --secret} answers it with a redirect that sets the
 * {@code laravel_maintenance} cookie, which the probe then sends. The secret never appears in a
 * detail: the path is shown as {@code /***}.
 */
final class GateCookies {

  private GateCookies() {}

  /** What the bypass request gave: the headers for the probe, and a note for its detail. */
  record Pass(HttpTarget target, String note) {}

  static Pass pass(ProbeHttp http, HttpTarget target, GateBypass gate) {
    Map<String, String> headers = new HashMap<>(target.headers());
    headers.put(GateBypass.HEADER, gate.secret());
    HttpTarget withHeader = target.withHeaders(headers);
    URI bypass = URI.create(target.url().getScheme() + "://" + target.url().getRawAuthority()
        + "/" + gate.secret());
    ProbeHttp.Outcome outcome = http.getOnce(withHeader, bypass);
    if (!(outcome instanceof ProbeHttp.Answer a)) {
      return new Pass(withHeader, " (the gate's bypass GET /*** failed: "
          + ((ProbeHttp.Failure) outcome).reason() + ")");
    }
    Optional<String> cookie = cookieHeader(a.setCookies());
    if (cookie.isEmpty()) {
      // a web-server-level gate, or an app whose gate has no bypass URL: the header may suffice
      return new Pass(withHeader, a.status() == 503
          ? " (the gate's bypass GET /*** answered 503 without a cookie: is the app's gate raised"
              + " with THINGYAN_GATE_SECRET, e.g. php artisan down --secret=\"$THINGYAN_GATE_SECRET\"?)"
          : "");
    }
    Map<String, String> withCookie = new HashMap<>(headers);
    withCookie.put("Cookie", cookie.get());
    return new Pass(target.withHeaders(withCookie), " (through the gate's bypass cookie)");
  }

  /** @return {@code name=value; name2=value2} from Set-Cookie headers (their attributes dropped) */
  static Optional<String> cookieHeader(List<String> setCookies) {
    List<String> pairs = new ArrayList<>();
    for (String c : setCookies) {
      String pair = c.split(";", 2)[0].strip();
      if (pair.indexOf('=') > 0 && pair.indexOf('\r') < 0 && pair.indexOf('\n') < 0) pairs.add(pair);
    }
    return pairs.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", pairs));
  }
}
