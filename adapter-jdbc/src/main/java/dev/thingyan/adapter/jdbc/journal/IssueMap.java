package dev.thingyan.adapter.jdbc.journal;

import static dev.thingyan.adapter.jdbc.journal.JournalSql.fromWire;
import static dev.thingyan.adapter.jdbc.journal.JournalSql.instant;
import static dev.thingyan.adapter.jdbc.journal.JournalSql.optionalInstant;
import static dev.thingyan.adapter.jdbc.journal.JournalSql.optionalString;

import dev.thingyan.ports.model.Version;
import dev.thingyan.ports.model.report.TrackedIssue;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.SqlStatement;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * The rows of the fingerprint → issue map, read and written whole inside the caller's
 * transaction. Changes lock the row first ({@code FOR UPDATE}), so two workers changing one
 * fingerprint take turns and the second sees the first one's result.
 */
final class IssueMap {

  static final String SELECT =
      "SELECT fingerprint, status, issue_number, closed, title, occurrences, unreported,"
          + " first_seen, last_seen, max_version, reported_version, last_reported_at,"
          + " latest_report_id, create_attempts, last_error FROM thingyan_report_issue";

  private IssueMap() {}

  static Optional<TrackedIssue> find(Handle h, String fingerprint) {
    return h.createQuery(SELECT + " WHERE fingerprint = :fp")
        .bind("fp", fingerprint)
        .map(IssueMap::row)
        .findOne();
  }

  static Optional<TrackedIssue> byNumber(Handle h, long issueNumber) {
    return h.createQuery(SELECT + " WHERE issue_number = :n ORDER BY fingerprint")
        .bind("n", issueNumber)
        .map(IssueMap::row)
        .findFirst();
  }

  static List<TrackedIssue> recentlySeen(Handle h, int limit) {
    return h.createQuery(SELECT + " ORDER BY last_seen DESC, fingerprint LIMIT :limit")
        .bind("limit", limit)
        .map(IssueMap::row)
        .list();
  }

  static List<TrackedIssue> dueForComment(Handle h, Instant reportedBefore, int limit) {
    return h.createQuery(
            SELECT
                + " WHERE status = :status AND unreported > 0"
                + " AND (last_reported_at IS NULL OR last_reported_at <= :before)"
                // never reported first, on every engine (they sort NULLs differently)
                + " ORDER BY CASE WHEN last_reported_at IS NULL THEN 0 ELSE 1 END,"
                + " last_reported_at, fingerprint LIMIT :limit")
        .bind("status", JournalSql.wire(TrackedIssue.Status.LINKED))
        .bind("before", JournalSql.millis(reportedBefore))
        .bind("limit", limit)
        .map(IssueMap::row)
        .list();
  }

  static List<TrackedIssue> awaitingIssue(Handle h, int limit) {
    return h.createQuery(
            SELECT
                + " WHERE status IN (:new, :creating) ORDER BY first_seen, fingerprint"
                + " LIMIT :limit")
        .bind("new", JournalSql.wire(TrackedIssue.Status.NEW))
        .bind("creating", JournalSql.wire(TrackedIssue.Status.CREATING))
        .bind("limit", limit)
        .map(IssueMap::row)
        .list();
  }

  /** @return the row, locked until the transaction ends. */
  static Optional<TrackedIssue> lock(Handle h, String fingerprint) {
    return h.createQuery(SELECT + " WHERE fingerprint = :fp FOR UPDATE")
        .bind("fp", fingerprint)
        .map(IssueMap::row)
        .findOne();
  }

  static void insert(Handle h, TrackedIssue t) {
    bind(
            h.createUpdate(
                "INSERT INTO thingyan_report_issue (fingerprint, status, issue_number, closed,"
                    + " title, occurrences, unreported, first_seen, last_seen, max_version,"
                    + " reported_version, last_reported_at, latest_report_id, create_attempts,"
                    + " last_error) VALUES (:fp, :status, :number, :closed, :title, :occurrences,"
                    + " :unreported, :first, :last, :max, :reported, :reportedAt, :latest,"
                    + " :attempts, :error)"),
            t)
        .execute();
  }

  static void save(Handle h, TrackedIssue t) {
    bind(
            h.createUpdate(
                "UPDATE thingyan_report_issue SET status = :status, issue_number = :number,"
                    + " closed = :closed, title = :title, occurrences = :occurrences,"
                    + " unreported = :unreported, first_seen = :first, last_seen = :last,"
                    + " max_version = :max, reported_version = :reported,"
                    + " last_reported_at = :reportedAt, latest_report_id = :latest,"
                    + " create_attempts = :attempts, last_error = :error WHERE fingerprint = :fp"),
            t)
        .execute();
  }

  private static <S extends SqlStatement<S>> S bind(S statement, TrackedIssue t) {
    return statement
        .bind("fp", t.fingerprint())
        .bind("status", JournalSql.wire(t.status()))
        .bind("number", t.issueNumber().isPresent() ? t.issueNumber().getAsLong() : null)
        .bind("closed", t.closed())
        .bind("title", t.title())
        .bind("occurrences", t.occurrences())
        .bind("unreported", t.unreported())
        .bind("first", JournalSql.millis(t.firstSeen()))
        .bind("last", JournalSql.millis(t.lastSeen()))
        .bind("max", t.maxVersion().map(Version::toString).orElse(null))
        .bind("reported", t.reportedVersion().map(Version::toString).orElse(null))
        .bind("reportedAt", t.lastReportedAt().map(Instant::toEpochMilli).orElse(null))
        .bind("latest", t.latestReportId())
        .bind("attempts", t.createAttempts())
        .bind("error", t.lastError().map(Texts::bounded).orElse(null));
  }

  static TrackedIssue row(ResultSet rs, StatementContext ctx) throws SQLException {
    long number = rs.getLong("issue_number");
    OptionalLong issueNumber = rs.wasNull() ? OptionalLong.empty() : OptionalLong.of(number);
    return new TrackedIssue(
        rs.getString("fingerprint"),
        fromWire(TrackedIssue.Status.class, rs.getString("status")),
        issueNumber,
        rs.getBoolean("closed"),
        rs.getString("title"),
        rs.getLong("occurrences"),
        rs.getLong("unreported"),
        instant(rs, "first_seen"),
        instant(rs, "last_seen"),
        optionalString(rs, "max_version").map(Version::parse),
        optionalString(rs, "reported_version").map(Version::parse),
        optionalInstant(rs, "last_reported_at"),
        rs.getLong("latest_report_id"),
        rs.getInt("create_attempts"),
        optionalString(rs, "last_error"));
  }
}
