package dev.thingyan.adapter.jdbc.app;

import dev.thingyan.adapter.jdbc.ConnectionSettings;
import dev.thingyan.ports.out.BackupException;
import dev.thingyan.ports.out.DatabaseDumper.ProgressSink;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.FutureTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replaces a PostgreSQL database's content with an archive, in one transaction. {@code pg_restore
 * --clean} cannot do it: it drops only what the archive holds, so a table a later migration added
 * survives. Instead {@code pg_restore --single-transaction --file=-} turns the archive into SQL, and
 * one {@code psql} session runs: BEGIN; drop every non-system schema (and large objects); recreate
 * {@code public} with its owner, comment and PostgreSQL's initial grants (the base pg_dump writes
 * its grants against); the archive's SQL without its own BEGIN and COMMIT ({@link
 * PgRestoreScript}); and COMMIT only once pg_restore has read the whole archive and exited 0.
 * {@code --single-transaction} matters: without it pg_restore commits its large objects on its
 * own, and that COMMIT would keep the drops and everything restored so far. Any failure before our
 * COMMIT ends the session without one and PostgreSQL rolls everything back: the database is
 * exactly the archive, or exactly as it was.
 *
 * <p>Privileges come back as the backup had them (a reporting role keeps its SELECT), except grants
 * to roles that do not exist on this server, which are left out and logged ({@link
 * PgGrantFilter}). Ownership does not: {@code --no-owner}, every restored object belongs to the
 * restoring user, who need not be a superuser; the backup's owner gets no grant in its place.
 */
final class PostgresRestore {

  private static final Logger LOG = LoggerFactory.getLogger(PostgresRestore.class);

  // lock_timeout: an app still connected and holding locks fails the restore instead of hanging it.
  // USAGE to PUBLIC: PostgreSQL 15's initial grant on public, which pg_dump leaves out of the
  // archive unless it was changed; the archive's own GRANT/REVOKE on public then apply on top.
  private static final String BEGIN =
      """
      SET client_min_messages = warning;
      SET lock_timeout = '60s';
      BEGIN;
      DO $thingyan$
      DECLARE
        s text; own oid; note text;
      BEGIN
        SELECT n.nspowner, obj_description(n.oid, 'pg_namespace')
          INTO own, note FROM pg_namespace n WHERE n.nspname = 'public';
        FOR s IN SELECT nspname FROM pg_namespace
                 WHERE nspname <> 'information_schema' AND nspname NOT LIKE 'pg\\_%' LOOP
          EXECUTE format('DROP SCHEMA %I CASCADE', s);
        END LOOP;
        PERFORM lo_unlink(oid) FROM pg_largeobject_metadata;
        EXECUTE format('CREATE SCHEMA public AUTHORIZATION %I',
          coalesce(pg_get_userbyid(own), current_user));
        GRANT USAGE ON SCHEMA public TO PUBLIC;
        IF note IS NOT NULL THEN
          EXECUTE format('COMMENT ON SCHEMA public IS %L', note);
        END IF;
      END $thingyan$;
      """;

  private static final List<String> PSQL_ARGS =
      List.of("--no-psqlrc", "--quiet", "--set=ON_ERROR_STOP=1", "--file=-");
  private static final List<String> TO_SQL =
      List.of(
          "--no-owner", "--exit-on-error", "--single-transaction", "--file=-");

  private static final String ROLES =
      "SELECT rolname, pg_has_role(current_user, oid, 'MEMBER') FROM pg_roles";
  private static final int LOGGED_GRANTS = 50;

  private final PostgresClient client;
  private final ConnectionSettings settings;
  private final DatabaseAddress address;

  PostgresRestore(PostgresClient client, ConnectionSettings settings, DatabaseAddress address) {
    this.client = client;
    this.settings = settings;
    this.address = address;
  }

  void restore(InputStream in, ProgressSink progress) {
    Set<String> roles = new HashSet<>();
    Set<String> actingFor = new HashSet<>();
    readRoles(roles, actingFor);
    try (ChildProcess psql =
            client.connected("psql", address.database(), PSQL_ARGS, Redirect.DISCARD);
        ChildProcess toSql = client.local("pg_restore", TO_SQL)) {
      FutureTask<Long> feed = Pump.background("pg_restore-input", in, toSql.stdin(), progress);
      OutputStream script = psql.stdin();
      PgGrantFilter grants = new PgGrantFilter(script, roles, actingFor);
      PgRestoreScript body = new PgRestoreScript(grants);
      try {
        script.write(BEGIN.getBytes(StandardCharsets.UTF_8));
        Pump.copy(toSql.stdout(), body, ProgressSink.NONE);
      } catch (IOException e) {
        toSql.kill();
        throw e.getCause() instanceof PgRestoreScript.Unexpected unexpected
            ? unexpected(psql, script, unexpected)
            : psqlFailed(psql, script);
      }
      int code = toSql.waitFor();
      Throwable fed = Pump.failureOf(feed);
      if (code != 0 || fed != null) {
        closeQuietly(script); // end of input without COMMIT: PostgreSQL rolls back
        psql.waitFor();
        throw archiveFailed(toSql, code, fed);
      }
      finish(psql, script, body);
      commit(psql, script);
      logGrants(grants);
    }
  }

  private void readRoles(Set<String> roles, Set<String> actingFor) {
    try (Connection c = AppJdbc.connect(settings, settings.jdbcUrl());
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(ROLES)) {
      while (rs.next()) {
        roles.add(rs.getString(1));
        if (rs.getBoolean(2)) {
          actingFor.add(rs.getString(1));
        }
      }
    } catch (SQLException e) {
      throw new BackupException(
          "could not read the roles of "
              + address
              + " before restoring it: "
              + BoundedCall.describe(e)
              + "; nothing was changed",
          e);
    }
  }

  private void logGrants(PgGrantFilter grants) {
    List<String> skipped = grants.skipped();
    if (!skipped.isEmpty()) {
      LOG.warn(
          "restored {} without {} grant(s) of the backup that name roles missing on this server"
              + " (create the roles and grant again by hand if they are needed): {}",
          address,
          skipped.size(),
          listed(skipped));
    }
    List<String> regranted = grants.regranted();
    if (!regranted.isEmpty()) {
      LOG.warn(
          "restored {} with {} grant(s) made by other roles now made by the restoring user: {}",
          address,
          regranted.size(),
          listed(regranted));
    }
  }

  private static String listed(List<String> statements) {
    String shown =
        String.join(" ", statements.subList(0, Math.min(LOGGED_GRANTS, statements.size())));
    int more = statements.size() - LOGGED_GRANTS;
    return more > 0 ? shown + " [... and " + more + " more]" : shown;
  }

  /** Passes on the archive's last statements, all but its COMMIT: the next one is ours. */
  private void finish(ChildProcess psql, OutputStream script, PgRestoreScript body) {
    try {
      body.finish();
    } catch (PgRestoreScript.Unexpected e) {
      throw unexpected(psql, script, e);
    } catch (IOException e) {
      throw psqlFailed(psql, script);
    }
  }

  private void commit(ChildProcess psql, OutputStream script) {
    try {
      script.write("COMMIT;\n".getBytes(StandardCharsets.US_ASCII));
      script.close();
    } catch (IOException e) {
      throw psqlFailed(psql, script);
    }
    if (psql.waitFor() != 0) {
      throw psqlFailed(psql, script);
    }
    LOG.info("restored {} from a backup", address);
  }

  /** Ends the script first: psql then exits, and without COMMIT nothing it ran is kept. */
  private BackupException psqlFailed(ChildProcess psql, OutputStream script) {
    closeQuietly(script);
    return new BackupException(
        psql.failure(psql.waitFor())
            + "; the restore was rolled back and "
            + address
            + " is as it was. If the database is in"
            + " use, stop the app first; the configured user must own the database");
  }

  private BackupException unexpected(
      ChildProcess psql, OutputStream script, PgRestoreScript.Unexpected e) {
    closeQuietly(script);
    psql.waitFor();
    return new BackupException(
        e.getMessage()
            + "; the restore was rolled back and "
            + address
            + " is as it was. Check that pg_restore is PostgreSQL's, as new as the server",
        e);
  }

  private BackupException archiveFailed(ChildProcess toSql, int code, Throwable fed) {
    String why =
        fed != null && !(fed instanceof Pump.SinkFailed)
            ? "reading the backup failed (" + toSql.redact(String.valueOf(fed.getMessage())) + ")"
            : toSql.failure(code);
    return new BackupException(
        why
            + "; the backup is incomplete or damaged, the restore was"
            + " rolled back and "
            + address
            + " is as it was");
  }

  private static void closeQuietly(OutputStream out) {
    try {
      out.close();
    } catch (IOException e) {
      // psql already ended; its exit status tells the rest
    }
  }
}
