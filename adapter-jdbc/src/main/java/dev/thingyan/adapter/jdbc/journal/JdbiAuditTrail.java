package dev.thingyan.adapter.jdbc.journal;

import static dev.thingyan.adapter.jdbc.journal.JournalSql.millis;

import dev.thingyan.ports.model.Actor;
import dev.thingyan.ports.model.AuditEvent;
import dev.thingyan.ports.out.AuditTrail;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit trail as a hash chain: each row stores the hash of the row before it and its own hash
 * over that and its content. Appending races are settled by the unique previous hash: a writer that
 * lost re-reads the head and tries again, so the chain never forks.
 */
public final class JdbiAuditTrail implements AuditTrail {

  private static final Logger LOG = LoggerFactory.getLogger(JdbiAuditTrail.class);
  private static final int MAX_ATTEMPTS = 20;

  private final Jdbi jdbi;

  public JdbiAuditTrail(Jdbi jdbi) {
    this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
  }

  @Override
  public void record(AuditEvent event) {
    Objects.requireNonNull(event, "event");
    for (int attempt = 1; ; attempt++) {
      try {
        jdbi.useTransaction(h -> append(h, event));
        return;
      } catch (JdbiException e) {
        if (!JournalSql.isRaceLost(e) || attempt == MAX_ATTEMPTS) {
          throw e;
        }
        LOG.debug("audit append lost a race (attempt {}), retrying", attempt);
      }
    }
  }

  private static void append(Handle h, AuditEvent event) {
    String prev =
        h.createQuery("SELECT row_hash FROM thingyan_audit ORDER BY seq DESC LIMIT 1")
            .mapTo(String.class)
            .findFirst()
            .orElse(AuditHash.GENESIS);
    String json = FlatJson.write(event.attributes());
    long at = millis(event.at());
    h.createUpdate(
            "INSERT INTO thingyan_audit (action, actor, created_at, attributes, prev_hash,"
                + " row_hash) VALUES (:action, :actor, :at, :json, :prev, :hash)")
        .bind("action", event.action())
        .bind("actor", event.actor().id())
        .bind("at", at)
        .bind("json", json)
        .bind("prev", prev)
        .bind("hash", AuditHash.of(prev, event.action(), event.actor().id(), at, json))
        .execute();
  }

  @Override
  public List<AuditEvent> recent(int limit) {
    if (limit < 0) {
      throw new IllegalArgumentException("limit must not be negative, got " + limit);
    }
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT action, actor, created_at, attributes"
                        + " FROM thingyan_audit ORDER BY seq DESC LIMIT :limit")
                .bind("limit", limit)
                .map(
                    (rs, ctx) ->
                        new AuditEvent(
                            rs.getString("action"),
                            new Actor(rs.getString("actor")),
                            Instant.ofEpochMilli(rs.getLong("created_at")),
                            FlatJson.read(rs.getString("attributes"))))
                .list());
  }

  /**
   * Recomputes the chain from its first row.
   *
   * @return true when every row links to the one before and its hash matches its content; false
   *     when a row was changed or removed (the first broken row is logged)
   */
  public boolean verifyChain() {
    AtomicBoolean intact = new AtomicBoolean(true);
    jdbi.useHandle(
        h -> {
          String[] expectedPrev = {AuditHash.GENESIS};
          h.createQuery(
                  "SELECT seq, action, actor, created_at, attributes, prev_hash, row_hash"
                      + " FROM thingyan_audit ORDER BY seq")
              .setFetchSize(500)
              .map(
                  (rs, ctx) -> {
                    String hash =
                        AuditHash.of(
                            rs.getString("prev_hash"),
                            rs.getString("action"),
                            rs.getString("actor"),
                            rs.getLong("created_at"),
                            rs.getString("attributes"));
                    boolean ok =
                        rs.getString("prev_hash").equals(expectedPrev[0])
                            && hash.equals(rs.getString("row_hash"));
                    if (!ok && intact.getAndSet(false)) {
                      LOG.warn(
                          "audit chain broken at row {}: it was changed, or a row before it"
                              + " removed",
                          rs.getLong("seq"));
                    }
                    expectedPrev[0] = rs.getString("row_hash");
                    return ok;
                  })
              .forEach(ok -> {});
        });
    return intact.get();
  }
}
