package dev.thingyan.adapter.jdbc.app;

import dev.thingyan.ports.out.BackupException;
import dev.thingyan.ports.out.DatabaseDumper.ProgressSink;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.FutureTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replaces a PostgreSQL database's content with an archive, in one transaction. {@code pg_restore
 * --clean} cannot do it: it drops only what the archive holds, so a table a later migration added
 * survives. Instead {@code pg_restore --single-transaction --file=-} turns the archive into SQL, and
 * one {@code psql} session runs: BEGIN; drop every non-system schema (and large objects); recreate
 * {@code public} with its owner, grants and comment; the archive's SQL without its own BEGIN and
 * COMMIT ({@link PgRestoreScript}); and COMMIT only once pg_restore has read the whole archive and
 * exited 0. {@code --single-transaction} matters: without it pg_restore commits its large objects
 * on its own, and that COMMIT would keep the drops and everything restored so far. Any failure
 * before our COMMIT ends the session without one and PostgreSQL rolls everything back: the
 * database is exactly the archive, or exactly as it was.
 */
final class PostgresRestore {

  private static final Logger LOG = LoggerFactory.getLogger(PostgresRestore.class);

  // lock_timeout: an app still connected and holding locks fails the restore instead of hanging it
  private static final String BEGIN =
      """
      SET client_min_messages = warning;
      SET lock_timeout = '60s';
      BEGIN;
      DO $thingyan$
      DECLARE
        s text; own oid; acl aclitem[]; note text; g record;
      BEGIN
        SELECT n.nspowner, n.nspacl, obj_description(n.oid, 'pg_namespace')
          INTO own, acl, note FROM pg_namespace n WHERE n.nspname = 'public';
        FOR s IN SELECT nspname FROM pg_namespace
                 WHERE nspname <> 'information_schema' AND nspname NOT LIKE 'pg\\_%' LOOP
          EXECUTE format('DROP SCHEMA %I CASCADE', s);
        END LOOP;
        PERFORM lo_unlink(oid) FROM pg_largeobject_metadata;
        EXECUTE format('CREATE SCHEMA public AUTHORIZATION %I',
          coalesce(pg_get_userbyid(own), current_user));
        FOR g IN SELECT grantee, privilege_type FROM aclexplode(acl) WHERE grantee <> own LOOP
          EXECUTE format('GRANT %s ON SCHEMA public TO %s', g.privilege_type,
            CASE WHEN g.grantee = 0 THEN 'PUBLIC' ELSE quote_ident(pg_get_userbyid(g.grantee)) END);
        END LOOP;
        IF note IS NOT NULL THEN
          EXECUTE format('COMMENT ON SCHEMA public IS %L', note);
        END IF;
      END $thingyan$;
      """;

  private static final List<String> PSQL_ARGS =
      List.of("--no-psqlrc", "--quiet", "--set=ON_ERROR_STOP=1", "--file=-");
  private static final List<String> TO_SQL =
      List.of(
          "--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction", "--file=-");

  private final PostgresClient client;
  private final DatabaseAddress address;

  PostgresRestore(PostgresClient client, DatabaseAddress address) {
    this.client = client;
    this.address = address;
  }

  void restore(InputStream in, ProgressSink progress) {
    try (ChildProcess psql =
            client.connected("psql", address.database(), PSQL_ARGS, Redirect.DISCARD);
        ChildProcess toSql = client.local("pg_restore", TO_SQL)) {
      FutureTask<Long> feed = Pump.background("pg_restore-input", in, toSql.stdin(), progress);
      OutputStream script = psql.stdin();
      PgRestoreScript body = new PgRestoreScript(script);
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
    }
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
