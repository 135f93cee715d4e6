package dev.thingyan.adapter.jdbc.journal;

import static dev.thingyan.adapter.jdbc.journal.JournalSql.millis;
import static dev.thingyan.adapter.jdbc.journal.JournalSql.optionalInstant;
import static dev.thingyan.adapter.jdbc.journal.JournalSql.optionalString;

import dev.thingyan.ports.model.report.DeliveryState;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.statement.Update;

/**
 * The delivery worker's one-row state and its lease row. Taking the lease is one conditional
 * UPDATE (free, expired, or already ours), so of two processes racing the database lets exactly
 * one match the row.
 */
final class DeliveryRows {

  private static final String LEASE = "delivery";

  private DeliveryRows() {}

  static DeliveryState state(Handle h) {
    return h.createQuery(
            "SELECT paused_until, failures, last_error, last_write_at, map_rebuilt_at"
                + " FROM thingyan_report_delivery WHERE id = 1")
        .map(
            (rs, ctx) ->
                new DeliveryState(
                    optionalInstant(rs, "paused_until"),
                    rs.getInt("failures"),
                    optionalString(rs, "last_error"),
                    optionalInstant(rs, "last_write_at"),
                    optionalInstant(rs, "map_rebuilt_at")))
        .findOne()
        .orElse(DeliveryState.INITIAL);
  }

  static void save(Handle h, DeliveryState s) {
    Update update =
        h.createUpdate(
            "UPDATE thingyan_report_delivery SET paused_until = :paused, failures = :failures,"
                + " last_error = :error, last_write_at = :write, map_rebuilt_at = :rebuilt"
                + " WHERE id = 1");
    if (bind(update, s).execute() == 0) {
      // the schema makes the row; if someone deleted it, make it again
      bind(
              h.createUpdate(
                  "INSERT INTO thingyan_report_delivery (id, paused_until, failures, last_error,"
                      + " last_write_at, map_rebuilt_at) VALUES (1, :paused, :failures, :error,"
                      + " :write, :rebuilt)"),
              s)
          .execute();
    }
  }

  private static Update bind(Update update, DeliveryState s) {
    return update
        .bind("paused", s.pausedUntil().map(Instant::toEpochMilli).orElse(null))
        .bind("failures", s.failures())
        .bind("error", s.lastError().map(Texts::bounded).orElse(null))
        .bind("write", s.lastWriteAt().map(Instant::toEpochMilli).orElse(null))
        .bind("rebuilt", s.mapRebuiltAt().map(Instant::toEpochMilli).orElse(null));
  }

  static boolean tryLease(Handle h, String owner, Instant now, Duration ttl) {
    long expires = millis(now.plus(ttl));
    int taken =
        h.createUpdate(
                "UPDATE thingyan_report_lease SET holder = :owner, expires_at = :expires"
                    + " WHERE lease_name = :name AND (holder IS NULL OR holder = :owner"
                    + " OR expires_at <= :now)")
            .bind("owner", owner)
            .bind("expires", expires)
            .bind("name", LEASE)
            .bind("now", millis(now))
            .execute();
    return taken == 1 || insertIfAbsent(h, owner, expires);
  }

  /** The row is made by the schema; if someone deleted it, re-create it, first writer wins. */
  private static boolean insertIfAbsent(Handle h, String owner, long expires) {
    Optional<Integer> present =
        h.createQuery("SELECT 1 FROM thingyan_report_lease WHERE lease_name = :name")
            .bind("name", LEASE)
            .mapTo(Integer.class)
            .findOne();
    if (present.isPresent()) {
      return false;
    }
    try {
      return h.createUpdate(
                  "INSERT INTO thingyan_report_lease (lease_name, holder, expires_at)"
                      + " VALUES (:name, :owner, :expires)")
              .bind("name", LEASE)
              .bind("owner", owner)
              .bind("expires", expires)
              .execute()
          == 1;
    } catch (JdbiException e) {
      if (JournalSql.isRaceLost(e)) {
        return false;
      }
      throw e;
    }
  }

  static void releaseLease(Handle h, String owner) {
    h.createUpdate(
            "UPDATE thingyan_report_lease SET holder = NULL, expires_at = NULL"
                + " WHERE lease_name = :name AND holder = :owner")
        .bind("name", LEASE)
        .bind("owner", owner)
        .execute();
  }
}
