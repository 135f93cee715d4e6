package dev.thingyan.ports.model;

import java.util.List;
import java.util.Objects;

/**
 * The answer of an access check (database privileges, file ownership), with what an admin runs
 * to fix a failure.
 *
 * @param ok true when everything checked is allowed
 * @param detail what was checked or found missing, short and factual
 * @param fixes the exact commands that fix it (GRANT statements, a {@code chown -R}), each one
 *     line, language-neutral so that any front end can show them under its own words; empty when
 *     ok
 */
public record AccessCheckResult(boolean ok, String detail, List<String> fixes) {
  public AccessCheckResult {
    Objects.requireNonNull(detail, "detail");
    fixes = List.copyOf(fixes);
  }

  public static AccessCheckResult ok(String detail) {
    return new AccessCheckResult(true, detail, List.of());
  }

  public static AccessCheckResult missing(String detail, List<String> fixes) {
    return new AccessCheckResult(false, detail, fixes);
  }
}
