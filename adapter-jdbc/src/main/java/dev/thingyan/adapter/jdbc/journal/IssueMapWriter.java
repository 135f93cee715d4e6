package dev.thingyan.adapter.jdbc.journal;

import static dev.thingyan.adapter.jdbc.journal.OutboxRows.DELIVERED;
import static dev.thingyan.adapter.jdbc.journal.OutboxRows.PENDING;
import static dev.thingyan.adapter.jdbc.journal.OutboxRows.REJECTED;

import dev.thingyan.adapter.jdbc.journal.IssueChanges.Folded;
import dev.thingyan.ports.model.report.Fingerprints;
import dev.thingyan.ports.model.report.Occurrences;
import dev.thingyan.ports.model.report.TrackedIssue;
import dev.thingyan.ports.model.report.TrackedIssue.Status;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The map's changing transactions. Each locks the fingerprint's map row before it touches the
 * outbox rows, always in that order, so two workers never deadlock on each other; when two create
 * the same new row at once (or a database still picks a deadlock victim), the loser runs its
 * transaction again and then finds the winner's row.
 */
final class IssueMapWriter {

  private static final Logger LOG = LoggerFactory.getLogger(IssueMapWriter.class);
  private static final int MAX_ATTEMPTS = 20;

  private final Jdbi jdbi;

  IssueMapWriter(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /**
   * Counts only the reports this transaction moves out of {@code pending}: the occurrences come
   * from their rows, which is what {@code seen} says when none was folded before, and stays
   * right when some were (a retried or concurrent fold).
   */
  TrackedIssue fold(String fingerprint, String title, List<Long> ids, Occurrences seen) {
    return retrying(h -> {
      Optional<TrackedIssue> row = IssueMap.lock(h, fingerprint);
      List<Folded> reports =
          ids.isEmpty() ? List.of() : OutboxRows.lockPending(h, fingerprint, ids);
      TrackedIssue before =
          row.orElseGet(() -> IssueChanges.fresh(fingerprint, title, seen.first()));
      TrackedIssue after = IssueChanges.fold(before, reports);
      if (!reports.isEmpty()) {
        // reports of a fingerprint GitHub refused stay with it, kept for the admin
        String to = after.status() == Status.REJECTED ? REJECTED : DELIVERED;
        OutboxRows.mark(h, reports.stream().map(Folded::id).toList(), PENDING, to);
      }
      if (row.isEmpty()) {
        IssueMap.insert(h, after);
      } else if (!reports.isEmpty()) {
        IssueMap.save(h, after);
      }
      return after;
    });
  }

  /** Changes an existing row. */
  void change(String fingerprint, UnaryOperator<TrackedIssue> change) {
    retrying(h -> {
      TrackedIssue after = change.apply(require(h, fingerprint));
      IssueMap.save(h, after);
      return after;
    });
  }

  /** Links a row, making it first when the map lost it (rebuilt from GitHub's issues). */
  void link(String fingerprint, UnaryOperator<TrackedIssue> change, Instant at) {
    Fingerprints.check(fingerprint);
    retrying(h -> {
      Optional<TrackedIssue> row = IssueMap.lock(h, fingerprint);
      TrackedIssue after =
          change.apply(row.orElseGet(() -> IssueChanges.fresh(fingerprint, "", at)));
      if (row.isPresent()) {
        IssueMap.save(h, after);
      } else {
        IssueMap.insert(h, after);
      }
      return after;
    });
  }

  void reject(String fingerprint, String error) {
    retrying(h -> {
      TrackedIssue after = IssueChanges.rejected(require(h, fingerprint), error);
      IssueMap.save(h, after);
      OutboxRows.markFingerprint(h, fingerprint, DELIVERED, REJECTED);
      return after;
    });
  }

  int retryRejected() {
    return retrying(h -> {
      List<String> rejected =
          h.createQuery("SELECT fingerprint FROM thingyan_report_issue WHERE status = :status"
                  + " ORDER BY fingerprint FOR UPDATE")
              .bind("status", JournalSql.wire(Status.REJECTED))
              .mapTo(String.class)
              .list();
      for (String fingerprint : rejected) {
        OutboxRows.markFingerprint(h, fingerprint, REJECTED, DELIVERED);
        h.createUpdate("UPDATE thingyan_report_issue SET status = :status WHERE fingerprint = :fp")
            .bind("status", JournalSql.wire(Status.NEW))
            .bind("fp", fingerprint)
            .execute();
      }
      return rejected.size();
    });
  }

  private static TrackedIssue require(Handle h, String fingerprint) {
    return IssueMap.lock(h, Fingerprints.check(fingerprint))
        .orElseThrow(() -> new IllegalStateException("no issue map row for fingerprint "
            + Fingerprints.shortForm(fingerprint) + ": its reports must be folded first"));
  }

  private <T> T retrying(HandleCallback<T, RuntimeException> transaction) {
    for (int attempt = 1; ; attempt++) {
      try {
        return jdbi.inTransaction(transaction);
      } catch (JdbiException e) {
        if (!JournalSql.isRaceLost(e) || attempt == MAX_ATTEMPTS) {
          throw e;
        }
        LOG.debug("report map change lost a race (attempt {}), retrying", attempt);
      }
    }
  }
}
