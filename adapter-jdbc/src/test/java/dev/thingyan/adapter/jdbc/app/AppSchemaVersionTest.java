package dev.thingyan.adapter.jdbc.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.thingyan.ports.out.DatabaseDumper;
import java.nio.file.Path;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The schema version a backup records, on each engine: Laravel's migrations, else Flyway's or
 * Liquibase's history (a jvm-service migrates on start), never thingyan's own journal tables.
 */
class AppSchemaVersionTest {

  private static final String LARAVEL = "2025_03_01_000000_create_folios";

  abstract static class Contract {

    /** The PMS schema with Laravel's {@code migrations}, as the fixtures create it. */
    abstract void createPms() throws Exception;

    abstract void exec(String... sql) throws Exception;

    abstract DatabaseDumper dumper();

    /** The name the engine's Liquibase gives its table, e.g. upper case on MariaDB. */
    String liquibaseTable() {
      return "DATABASECHANGELOG";
    }

    private void jvmService() throws Exception {
      createPms();
      exec("DROP TABLE migrations");
    }

    private void flyway() throws Exception {
      exec(
          "CREATE TABLE flyway_schema_history (installed_rank INT NOT NULL PRIMARY KEY, version"
              + " VARCHAR(50), description VARCHAR(200) NOT NULL, type VARCHAR(20) NOT NULL,"
              + " script VARCHAR(1000) NOT NULL, checksum INT, installed_by VARCHAR(100) NOT NULL,"
              + " installed_on TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP, execution_time INT"
              + " NOT NULL, success BOOLEAN NOT NULL)",
          "INSERT INTO flyway_schema_history (installed_rank, version, description, type, script,"
              + " checksum, installed_by, execution_time, success) VALUES"
              + " (1, '1', 'init', 'SQL', 'V1__init.sql', 11, 'pms', 5, TRUE),"
              + " (2, '2.1', 'folios', 'SQL', 'V2_1__folios.sql', 12, 'pms', 5, TRUE),"
              // MariaDB cannot roll DDL back: Flyway records the failed migration
              + " (3, '3', 'broken', 'SQL', 'V3__broken.sql', 13, 'pms', 5, FALSE)");
    }

    private void liquibase(String table) throws Exception {
      exec(
          "CREATE TABLE "
              + table
              + " (ID VARCHAR(255) NOT NULL, AUTHOR VARCHAR(255) NOT NULL, FILENAME VARCHAR(255)"
              + " NOT NULL, DATEEXECUTED TIMESTAMP NOT NULL, ORDEREXECUTED INT NOT NULL, EXECTYPE"
              + " VARCHAR(10) NOT NULL, MD5SUM VARCHAR(35), DESCRIPTION VARCHAR(255))",
          "INSERT INTO "
              + table
              + " VALUES ('1-guests', 'pms', 'db/changelog.xml', '2025-04-01 10:00:00', 1,"
              + " 'EXECUTED', NULL, 'createTable'), ('2-folios', 'pms', 'db/changelog.xml',"
              + " '2025-04-01 10:00:01', 2, 'EXECUTED', NULL, 'createTable')");
    }

    /** thingyan's journal in the app's database: Liquibase's tables, under its own names. */
    private void thingyanJournal() throws Exception {
      liquibase("thingyan_changelog");
      exec(
          "CREATE TABLE thingyan_changelog_lock (ID INT NOT NULL PRIMARY KEY, LOCKED BOOLEAN NOT"
              + " NULL, LOCKGRANTED TIMESTAMP NULL, LOCKEDBY VARCHAR(255))",
          "INSERT INTO thingyan_changelog_lock VALUES (1, FALSE, NULL, NULL)");
    }

    @Test
    void flywaysNewestSuccessfulMigrationIsTheVersion() throws Exception {
      jvmService();
      thingyanJournal();
      flyway();
      assertThat(dumper().schemaVersion()).contains("flyway:2:2.1");

      // a repeatable migration has no version: its script, with a rank that changes each time
      exec(
          "INSERT INTO flyway_schema_history (installed_rank, version, description, type, script,"
              + " checksum, installed_by, execution_time, success) VALUES"
              + " (4, NULL, 'views', 'SQL', 'R__views.sql', 14, 'pms', 5, TRUE)");
      assertThat(dumper().schemaVersion()).contains("flyway:4:R__views.sql");
    }

    @Test
    void liquibasesNewestChangeSetIsTheVersion() throws Exception {
      jvmService();
      thingyanJournal();
      liquibase(liquibaseTable());
      assertThat(dumper().schemaVersion()).contains("liquibase:2:2-folios");
    }

    @Test
    void laravelsMigrationsWinOverTheOthers() throws Exception {
      createPms();
      thingyanJournal();
      flyway();
      liquibase(liquibaseTable());
      assertThat(dumper().schemaVersion()).contains(LARAVEL);
    }

    @Test
    void thingyansOwnJournalIsNotTheAppsVersion() throws Exception {
      jvmService();
      thingyanJournal();
      assertThat(dumper().schemaVersion()).isEmpty();
    }

    @Test
    void aHistoryTableOfAnotherShapeIsNoVersionAndNoFailure() throws Exception {
      jvmService();
      exec(
          "CREATE TABLE flyway_schema_history (id INT)",
          "INSERT INTO flyway_schema_history VALUES (1)");
      assertThat(dumper().schemaVersion()).isEmpty();
    }
  }

  @Nested
  class Postgres extends Contract {
    private final PostgresFixture db = new PostgresFixture();

    @AfterEach
    void drop() {
      db.close();
    }

    @Override
    void createPms() {
      db.createPms();
    }

    @Override
    void exec(String... sql) {
      db.exec(sql);
    }

    @Override
    DatabaseDumper dumper() {
      return new PostgresDumper(db.settings);
    }

    @Override
    String liquibaseTable() {
      return "databasechangelog"; // Liquibase's unquoted name, folded to lower case
    }
  }

  @Nested
  class MariaDb extends Contract {
    private final MariaDbFixture db = new MariaDbFixture();

    @AfterEach
    void drop() {
      db.close();
    }

    @Override
    void createPms() {
      db.createPms();
    }

    @Override
    void exec(String... sql) {
      db.exec(sql);
    }

    @Override
    DatabaseDumper dumper() {
      return new MariaDbDumper(db.settings);
    }

    @Test
    void namesAreCaseSensitiveHere() {
      // so DATABASECHANGELOG, as Liquibase creates it here, is not databasechangelog
      assertThat(db.rows("SELECT @@lower_case_table_names")).containsExactly("0");
    }
  }

  @Nested
  class Sqlite extends Contract {
    @TempDir Path dir;
    private Path file;

    @BeforeEach
    void name() {
      file = dir.resolve("database.sqlite");
    }

    @Override
    void createPms() throws SQLException {
      SqliteFixture.createPms(file);
    }

    @Override
    void exec(String... sql) throws SQLException {
      SqliteFixture.exec(file, sql);
    }

    @Override
    DatabaseDumper dumper() {
      return new SqliteDumper(file, dir.resolve("scratch"));
    }
  }
}
