package dev.thingyan.ports.in;

import dev.thingyan.ports.model.Actor;
import dev.thingyan.ports.model.Run;
import dev.thingyan.ports.error.ValidationException;
import java.util.Objects;
import java.util.Optional;

/**
 * An admin's rollback: either the answer to a run waiting for the database-restore decision, or a
 * rollback of the current release to the previous one.
 */
public interface RollbackRelease {

  /** @throws RunRefusedException when there is nothing to roll back to, or another run is active */
  Run rollback(Request request);

  /**
   * @param restoreDatabase for a run awaiting the decision: restore the pre-update backup (true)
   *     or keep the database as it is (false); for a manual rollback: also restore the database
   *     from the backup taken before the release being rolled back was installed
   */
  record Request(Actor actor, Optional<Boolean> restoreDatabase, String reason) {
    public Request {
      Objects.requireNonNull(actor, "actor");
      Objects.requireNonNull(restoreDatabase, "restoreDatabase");
      Objects.requireNonNull(reason, "reason");
      if (reason.isBlank()) {
        // the audit trail says why the release was rolled back; the CLI refuses it blank too
        throw new ValidationException(ValidationException.CODE,
            dev.thingyan.ports.error.Reason.of("rollback.reason_blank"),
            "reason: blank; say why the release is rolled back (it goes to the audit trail)", null);
      }
    }
  }
}
