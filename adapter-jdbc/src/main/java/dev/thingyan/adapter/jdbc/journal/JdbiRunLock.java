package dev.thingyan.adapter.jdbc.journal;

import static dev.thingyan.adapter.jdbc.journal.JournalSql.instant;
import static dev.thingyan.adapter.jdbc.journal.JournalSql.millis;

import dev.thingyan.ports.model.LockHolder;
import dev.thingyan.ports.out.RunLock;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.statement.Update;

/**
 * The journal's lock row. Acquiring is one conditional UPDATE whose WHERE clause names the holder
 * the caller expects (or a free row), so of two processes racing only one matches the row: the
 * database serialises the two updates and the loser finds the row changed.
 */
public final class JdbiRunLock implements RunLock {

  private static final String LOCK_NAME = "journal";
  private static final String SET_HOLDER =
      "UPDATE thingyan_run_lock SET pid = :pid,"
          + " host_name = :host, boot_id = :boot, acquired_at = :acquired, lease_until = :lease"
          + " WHERE lock_name = :name AND ";

  private final Jdbi jdbi;

  public JdbiRunLock(Jdbi jdbi) {
    this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
  }

  @Override
  public String name() {
    return LOCK_NAME;
  }

  @Override
  public Optional<LockHolder> holder() {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT pid, host_name, boot_id, acquired_at, lease_until FROM"
                        + " thingyan_run_lock WHERE lock_name = :name AND pid IS NOT NULL")
                .bind("name", LOCK_NAME)
                .map(
                    (rs, ctx) ->
                        new LockHolder(
                            rs.getLong("pid"),
                            rs.getString("host_name"),
                            rs.getString("boot_id"),
                            instant(rs, "acquired_at"),
                            instant(rs, "lease_until")))
                .findOne());
  }

  @Override
  public boolean tryAcquire(LockHolder me, Optional<LockHolder> expected) {
    Objects.requireNonNull(me, "me");
    Objects.requireNonNull(expected, "expected");
    return jdbi.withHandle(
        h -> {
          Update update =
              h.createUpdate(
                  SET_HOLDER
                      + (expected.isEmpty()
                          ? "pid IS NULL"
                          : "pid = :epid AND host_name = :ehost AND boot_id = :eboot"
                              + " AND acquired_at = :eacquired AND lease_until = :elease"));
          bindHolder(update, me);
          expected.ifPresent(
              e ->
                  update
                      .bind("epid", e.pid())
                      .bind("ehost", e.host())
                      .bind("eboot", e.bootId())
                      .bind("eacquired", millis(e.acquiredAt()))
                      .bind("elease", millis(e.leaseUntil())));
          if (update.execute() == 1) {
            return true;
          }
          return expected.isEmpty() && insertIfAbsent(h, me);
        });
  }

  /** The row is made by the schema; if someone deleted it, re-create it, first writer wins. */
  private static boolean insertIfAbsent(Handle h, LockHolder me) {
    boolean present =
        h.createQuery("SELECT COUNT(*) FROM thingyan_run_lock WHERE lock_name = :name")
                .bind("name", LOCK_NAME)
                .mapTo(Integer.class)
                .one()
            > 0;
    if (present) {
      return false;
    }
    try {
      Update insert =
          h.createUpdate(
              "INSERT INTO thingyan_run_lock (lock_name, pid, host_name, boot_id, acquired_at,"
                  + " lease_until) VALUES (:name, :pid, :host, :boot, :acquired, :lease)");
      bindHolder(insert, me);
      return insert.execute() == 1;
    } catch (JdbiException e) {
      if (JournalSql.isRaceLost(e)) {
        return false;
      }
      throw e;
    }
  }

  private static void bindHolder(Update update, LockHolder me) {
    update
        .bind("name", LOCK_NAME)
        .bind("pid", me.pid())
        .bind("host", me.host())
        .bind("boot", me.bootId())
        .bind("acquired", millis(me.acquiredAt()))
        .bind("lease", millis(me.leaseUntil()));
  }

  @Override
  public void release(LockHolder me) {
    // the holder's identity is its process (pid, host, boot); its lease may have been renewed
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    "UPDATE thingyan_run_lock SET pid = NULL, host_name = NULL, boot_id = NULL,"
                        + " acquired_at = NULL, lease_until = NULL WHERE lock_name = :name AND pid"
                        + " = :pid AND host_name = :host AND boot_id = :boot")
                .bind("name", LOCK_NAME)
                .bind("pid", me.pid())
                .bind("host", me.host())
                .bind("boot", me.bootId())
                .execute());
  }
}
