package dev.thingyan.domain.run;

import dev.thingyan.ports.model.StepOutcome;
import dev.thingyan.ports.model.StepRecord;
import java.util.List;

/** What the journal says about a run's migrations, which decides whether a rollback restores the database. */
enum MigrationStatus {
  /** No migration step started, or it had nothing to run: the database was not changed by the update. */
  NOT_RUN,
  /** Migrations ran (completely, or until one failed): the database must be restored. */
  RAN,
  /** A migration started and its end was never recorded (the process died): an admin decides. */
  UNCERTAIN;

  static final String STEP = "migrate";

  /**
   * The rollback's comparison of the database's schema version with the pre-update backup's,
   * recorded once: succeeded means the version changed during the update although no migrate step
   * ran (the new release migrated the database when it started).
   */
  static final String SCHEMA_STEP = "schema_check";

  static MigrationStatus of(List<StepRecord> steps) {
    StepRecord last = null;
    for (StepRecord s : steps) {
      if (s.step().equals(STEP)) last = s;
      if (s.step().equals(SCHEMA_STEP) && s.outcome().filter(o -> o == StepOutcome.SUCCEEDED).isPresent()) {
        return RAN;
      }
    }
    if (last == null) return NOT_RUN;
    if (last.unfinished()) return UNCERTAIN;
    return last.outcome().filter(o -> o == StepOutcome.SKIPPED).isPresent() ? NOT_RUN : RAN;
  }
}
