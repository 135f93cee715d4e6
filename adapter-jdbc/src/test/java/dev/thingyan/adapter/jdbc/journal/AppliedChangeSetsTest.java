package dev.thingyan.adapter.jdbc.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.zaxxer.hikari.HikariDataSource;
import dev.thingyan.adapter.jdbc.DataSources;
import dev.thingyan.adapter.jdbc.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import liquibase.changelog.ChangeLogParameters;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.parser.ChangeLogParserFactory;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.resource.ResourceAccessor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The pre-check that lets {@link JournalDatabase#open} skip Liquibase: it must agree with
 * Liquibase's own reading of the changelog, say "no" whenever anything is missing, and on every
 * engine recognise the rows Liquibase writes.
 */
class AppliedChangeSetsTest {

  @Test
  void theScanFindsExactlyTheChangesetsLiquibaseReadsInTheChangelog() throws Exception {
    ResourceAccessor resources = new ClassLoaderResourceAccessor(getClass().getClassLoader());
    DatabaseChangeLog parsed = ChangeLogParserFactory.getInstance()
        .getParser(JournalSchema.CHANGELOG, resources)
        .parse(JournalSchema.CHANGELOG, new ChangeLogParameters(), resources);
    Set<AppliedChangeSets.Key> liquibase = parsed.getChangeSets().stream()
        .map(c -> new AppliedChangeSets.Key(c.getId(), c.getAuthor(), c.getFilePath()))
        .collect(Collectors.toSet());

    assertThat(liquibase).isNotEmpty();
    assertThat(AppliedChangeSets.changelog()).contains(liquibase);
  }

  @Test
  void theScanGivesUpOnAnythingBeyondPlainChangesets() {
    String plain = "<databaseChangeLog><!-- <changeSet id=\"x\" author=\"y\"> -->"
        + "<changeSet id=\"1\" author=\"a\"><sql>SELECT 1</sql></changeSet>"
        + "<changeSet author=\"a\"\n  id=\"2\"/></databaseChangeLog>";
    assertThat(AppliedChangeSets.scan(plain, "p")).contains(Set.of(
        new AppliedChangeSets.Key("1", "a", "p"), new AppliedChangeSets.Key("2", "a", "p")));

    for (String unsure : new String[] {
        "<databaseChangeLog><include file=\"more.xml\"/></databaseChangeLog>",
        "<databaseChangeLog><changeSet id=\"1\" author=\"a\" runAlways=\"true\"/></databaseChangeLog>",
        "<databaseChangeLog><changeSet id=\"1\" author=\"a\" runOnChange=\"true\"/></databaseChangeLog>",
        "<databaseChangeLog><changeSet id=\"1\"/></databaseChangeLog>",
        "<databaseChangeLog><changeSet id=\"a&amp;b\" author=\"a\"/></databaseChangeLog>",
        "<databaseChangeLog/>"}) {
      assertThat(AppliedChangeSets.scan(unsure, "p")).as(unsure).isEmpty();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgresql", "mariadb"})
  void liquibaseRunsWheneverAChangesetIsMissingAndIsSkippedOtherwise(String engine)
      throws Exception {
    try (TestDatabase db = database(engine);
        HikariDataSource ds = DataSources.journalPool(db.settings())) {
      assertThat(allApplied(ds)).as("a new database").isFalse();

      JournalDatabase.open(ds);
      assertThat(allApplied(ds)).as("after Liquibase made the schema").isTrue();

      // a journal from before the newest changeset: Liquibase must run and add it
      exec(ds, "DROP TABLE thingyan_audit");
      exec(ds, "DELETE FROM thingyan_changelog WHERE id = '6-audit'");
      assertThat(allApplied(ds)).as("one changeset missing").isFalse();
      JournalDatabase journal = JournalDatabase.open(ds);
      assertThat(allApplied(ds)).isTrue();
      assertThat(journal.auditTrail().verifyChain()).isTrue(); // the table is back, and empty

      // proof that a current schema never reaches Liquibase: its lock, held by a stale holder,
      // would make Liquibase wait for minutes
      exec(ds, "UPDATE thingyan_changelog_lock SET locked = TRUE, lockedby = 'stale'");
      assertTimeoutPreemptively(Duration.ofSeconds(30), () -> JournalDatabase.open(ds));
    }
  }

  @Test
  void aFailedCheckLeavesATransactionalConnectionUsable() throws Exception {
    try (TestDatabase db = TestDatabase.postgres();
        HikariDataSource ds = DataSources.journalPool(db.settings())) {
      try (Connection c = ds.getConnection()) {
        c.setAutoCommit(false);
        assertThat(AppliedChangeSets.allApplied(c)).isFalse(); // no changelog table yet
        try (Statement s = c.createStatement()) {
          s.execute("SELECT 1"); // PostgreSQL refuses this in an aborted transaction
        }
        c.rollback();
      }
    }
  }

  private static TestDatabase database(String engine) {
    return switch (engine) {
      case "h2" -> TestDatabase.h2File();
      case "postgresql" -> TestDatabase.postgres();
      case "mariadb" -> TestDatabase.mariadb();
      default -> throw new IllegalArgumentException(engine);
    };
  }

  private static boolean allApplied(DataSource ds) throws SQLException {
    try (Connection c = ds.getConnection()) {
      return AppliedChangeSets.allApplied(c);
    }
  }

  private static void exec(DataSource ds, String sql) throws SQLException {
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }
}
