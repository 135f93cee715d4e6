package dev.thingyan.ports.model;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The way through a raised maintenance gate: the random secret thingyan made when it raised the
 * gate, kept with the flag and given to the {@code maintenance_on} hooks as
 * {@code THINGYAN_GATE_SECRET}. An HTTP probe uses it twice: it first GETs {@code /<secret>}
 * (Laravel's {@code php artisan down --secret} answers with the {@code laravel_maintenance}
 * bypass cookie, which it then sends), and it sends the header {@code X-Thingyan-Gate: <secret>},
 * which a web-server-level gate can let through.
 *
 * <p>The secret lets anyone past the gate while it is up: it is never logged, and
 * {@link #toString()} does not show it.
 *
 * @param secret URL-safe ({@code A-Z a-z 0-9 _ -}), 16 to 128 characters, since it becomes a path
 */
public record GateBypass(String secret) {

  /** The header a probe sends the secret in. */
  public static final String HEADER = "X-Thingyan-Gate";

  private static final Pattern URL_SAFE = Pattern.compile("[A-Za-z0-9_-]{16,128}");

  public GateBypass {
    Objects.requireNonNull(secret, "secret");
    if (!URL_SAFE.matcher(secret).matches()) {
      throw new IllegalArgumentException("secret: expected 16 to 128 characters of A-Z a-z 0-9 _ -");
    }
  }

  @Override
  public String toString() {
    return "GateBypass[***]";
  }
}
