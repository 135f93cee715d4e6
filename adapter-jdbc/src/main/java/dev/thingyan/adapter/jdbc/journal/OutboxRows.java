package dev.thingyan.adapter.jdbc.journal;

import static dev.thingyan.adapter.jdbc.journal.JournalSql.instant;
import static dev.thingyan.adapter.jdbc.journal.JournalSql.millis;

import dev.thingyan.adapter.jdbc.journal.IssueChanges.Folded;
import dev.thingyan.ports.model.Version;
import dev.thingyan.ports.model.report.OutboxStats;
import dev.thingyan.ports.model.report.PendingReport;
import dev.thingyan.ports.model.report.QueuedReport;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/** The outbox table's statements, run inside the caller's handle or transaction. */
final class OutboxRows {

  static final String PENDING = "pending";
  static final String DELIVERED = "delivered";
  static final String REJECTED = "rejected";

  private static final String SELECT =
      "SELECT id, fingerprint, accepted_at, report FROM thingyan_report_outbox";

  private OutboxRows() {}

  /** A report ready to insert, already serialised. */
  record NewReport(String fingerprint, Instant acceptedAt, Optional<Version> appVersion,
      String json) {}

  static long insert(Handle h, NewReport r) {
    return h.createUpdate(
            "INSERT INTO thingyan_report_outbox (fingerprint, accepted_at, status, app_version,"
                + " report) VALUES (:fp, :at, :status, :version, :report)")
        .bind("fp", r.fingerprint())
        .bind("at", millis(r.acceptedAt()))
        .bind("status", PENDING)
        .bind("version", r.appVersion().map(Version::toString).orElse(null))
        .bind("report", r.json())
        .executeAndReturnGeneratedKeys("id")
        .mapTo(Long.class)
        .one();
  }

  static List<QueuedReport> pending(Handle h, int limit) {
    return h.createQuery(SELECT + " WHERE status = :status ORDER BY id LIMIT :limit")
        .bind("status", PENDING)
        .bind("limit", limit)
        .map(OutboxRows::row)
        .list();
  }

  static List<PendingReport> pendingHeads(Handle h, int limit) {
    return h.createQuery("SELECT id, fingerprint, accepted_at, app_version FROM"
            + " thingyan_report_outbox WHERE status = :status ORDER BY id LIMIT :limit")
        .bind("status", PENDING)
        .bind("limit", limit)
        .map((rs, ctx) -> new PendingReport(rs.getLong("id"), rs.getString("fingerprint"),
            instant(rs, "accepted_at"),
            Optional.ofNullable(rs.getString("app_version")).map(Version::parse)))
        .list();
  }

  static Optional<QueuedReport> find(Handle h, long id) {
    return h.createQuery(SELECT + " WHERE id = :id").bind("id", id).map(OutboxRows::row).findOne();
  }

  /** @return the pending reports among {@code ids} of {@code fingerprint}, locked. */
  static List<Folded> lockPending(Handle h, String fingerprint, List<Long> ids) {
    return h.createQuery(
            "SELECT id, accepted_at, app_version FROM thingyan_report_outbox WHERE id IN (<ids>)"
                + " AND fingerprint = :fp AND status = :status ORDER BY id FOR UPDATE")
        .bindList("ids", ids)
        .bind("fp", fingerprint)
        .bind("status", PENDING)
        .map(
            (rs, ctx) ->
                new Folded(
                    rs.getLong("id"),
                    instant(rs, "accepted_at"),
                    Optional.ofNullable(rs.getString("app_version")).map(Version::parse)))
        .list();
  }

  static int mark(Handle h, List<Long> ids, String from, String to) {
    return h.createUpdate(
            "UPDATE thingyan_report_outbox SET status = :to WHERE id IN (<ids>) AND status = :from")
        .bindList("ids", ids)
        .bind("from", from)
        .bind("to", to)
        .execute();
  }

  static int markFingerprint(Handle h, String fingerprint, String from, String to) {
    return h.createUpdate(
            "UPDATE thingyan_report_outbox SET status = :to WHERE fingerprint = :fp"
                + " AND status = :from")
        .bind("fp", fingerprint)
        .bind("from", from)
        .bind("to", to)
        .execute();
  }

  static int prune(Handle h, Instant before) {
    return h.createUpdate(
            "DELETE FROM thingyan_report_outbox WHERE status = :status AND accepted_at < :before")
        .bind("status", DELIVERED)
        .bind("before", millis(before))
        .execute();
  }

  static OutboxStats stats(Handle h) {
    Map<String, Long> byStatus = new HashMap<>();
    h.createQuery("SELECT status, COUNT(*) AS n FROM thingyan_report_outbox GROUP BY status")
        .map((rs, ctx) -> Map.entry(rs.getString("status"), rs.getLong("n")))
        .forEach(e -> byStatus.put(e.getKey(), e.getValue()));
    Map.Entry<Long, Long> issues =
        h.createQuery(
                "SELECT COUNT(issue_number) AS issues, COALESCE(SUM(unreported), 0) AS unreported"
                    + " FROM thingyan_report_issue")
            .map((rs, ctx) -> Map.entry(rs.getLong("issues"), rs.getLong("unreported")))
            .one();
    return new OutboxStats(byStatus.getOrDefault(PENDING, 0L),
        byStatus.getOrDefault(REJECTED, 0L), byStatus.getOrDefault(DELIVERED, 0L),
        issues.getKey(), issues.getValue());
  }

  private static QueuedReport row(ResultSet rs, StatementContext ctx) throws SQLException {
    return new QueuedReport(
        rs.getLong("id"),
        rs.getString("fingerprint"),
        ReportJson.read(rs.getString("report")),
        instant(rs, "accepted_at"));
  }
}
