package dev.thingyan.adapter.jdbc.journal;

import static dev.thingyan.adapter.jdbc.journal.JournalSql.fromWire;
import static dev.thingyan.adapter.jdbc.journal.JournalSql.instant;
import static dev.thingyan.adapter.jdbc.journal.JournalSql.optionalInstant;
import static dev.thingyan.adapter.jdbc.journal.JournalSql.optionalString;

import dev.thingyan.ports.model.Actor;
import dev.thingyan.ports.model.LogLevel;
import dev.thingyan.ports.model.Run;
import dev.thingyan.ports.model.RunEvent;
import dev.thingyan.ports.model.RunId;
import dev.thingyan.ports.model.RunKind;
import dev.thingyan.ports.model.RunOptions;
import dev.thingyan.ports.model.RunState;
import dev.thingyan.ports.model.StepOutcome;
import dev.thingyan.ports.model.StepRecord;
import dev.thingyan.ports.model.Version;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/** Maps the journal's rows to the port's records. */
final class RunRows {

  static final String RUN_COLUMNS =
      "id, kind, state, from_version, target_version, requested_by, started_at, updated_at,"
          + " release_dir, previous_release_dir, backup_id, awaiting, reason, resolved_by,"
          + " allow_downgrade, allow_prerelease";

  static final RowMapper<Run> RUN = RunRows::run;
  static final RowMapper<StepRecord> STEP = RunRows::step;
  static final RowMapper<RunEvent> EVENT = RunRows::event;

  private RunRows() {}

  private static Run run(ResultSet rs, StatementContext ctx) throws SQLException {
    return new Run(
        new RunId(rs.getString("id")),
        fromWire(RunKind.class, rs.getString("kind")),
        RunState.fromWire(rs.getString("state")),
        optionalString(rs, "from_version").map(Version::parse),
        optionalString(rs, "target_version").map(Version::parse),
        new Actor(rs.getString("requested_by")),
        instant(rs, "started_at"),
        instant(rs, "updated_at"),
        optionalString(rs, "release_dir").map(Path::of),
        optionalString(rs, "previous_release_dir").map(Path::of),
        optionalString(rs, "backup_id"),
        fromWire(Run.Awaiting.class, rs.getString("awaiting")),
        optionalString(rs, "reason"),
        optionalString(rs, "resolved_by").map(Actor::new),
        new RunOptions(rs.getBoolean("allow_downgrade"), rs.getBoolean("allow_prerelease")));
  }

  private static StepRecord step(ResultSet rs, StatementContext ctx) throws SQLException {
    return new StepRecord(
        new RunId(rs.getString("run_id")),
        rs.getString("step"),
        instant(rs, "started_at"),
        optionalInstant(rs, "ended_at"),
        optionalString(rs, "outcome").map(o -> fromWire(StepOutcome.class, o)),
        optionalString(rs, "detail"));
  }

  private static RunEvent event(ResultSet rs, StatementContext ctx) throws SQLException {
    return new RunEvent(
        rs.getLong("seq"),
        new RunId(rs.getString("run_id")),
        instant(rs, "created_at"),
        RunState.fromWire(rs.getString("state")),
        optionalString(rs, "step"),
        fromWire(LogLevel.class, rs.getString("log_level")),
        rs.getString("message"));
  }
}
