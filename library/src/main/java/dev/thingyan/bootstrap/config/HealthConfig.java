package dev.thingyan.bootstrap.config;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The {@code health} section: checks run after a swap (and after a rollback), each retried up to
 * {@code retries} times, {@code interval} apart, each attempt bounded by {@code timeout}.
 *
 * @param failFast {@code health.fail_fast} (default true): an answer that proves the release
 *     broken (a 500, a 4xx, the wrong version) ends the wait at once; only "not ready yet"
 *     (refused, timeout, 502/503/504) is retried
 * @param preview {@code health.preview}: the staged release checked before the swap
 */
public record HealthConfig(List<HealthCheck> checks, int retries, Duration interval,
    Duration timeout, boolean failFast, PreviewConfig preview) {

  /** With fail-fast on, no preview. */
  public HealthConfig(List<HealthCheck> checks, int retries, Duration interval, Duration timeout) {
    this(checks, retries, interval, timeout, true);
  }

  /** No preview. */
  public HealthConfig(List<HealthCheck> checks, int retries, Duration interval, Duration timeout, boolean failFast) {
    this(checks, retries, interval, timeout, failFast, PreviewConfig.OFF);
  }

  public HealthConfig {
    checks = List.copyOf(checks);
    Objects.requireNonNull(interval, "health.interval");
    Objects.requireNonNull(timeout, "health.timeout");
    Objects.requireNonNull(preview, "health.preview");
    if (checks.isEmpty()) {
      throw new IllegalArgumentException("health.checks: no check configured; add at least the"
          + " app's /health endpoint, e.g. {type: http, url: http://127.0.0.1/health, expect_version: true}");
    }
    if (retries < 1) {
      throw new IllegalArgumentException("health.retries: must be at least 1");
    }
    if (interval.isNegative() || timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("health.timeout: must be positive, e.g. 5s");
    }
  }
}
