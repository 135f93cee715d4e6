package dev.thingyan.adapter.jdbc.journal;

import java.io.OutputStream;
import java.sql.Connection;
import java.util.Map;
import javax.sql.DataSource;
import liquibase.Scope;
import liquibase.UpdateSummaryOutputEnum;
import liquibase.analytics.configuration.AnalyticsArgs;
import liquibase.command.CommandScope;
import liquibase.command.core.UpdateCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.command.core.helpers.ShowSummaryArgument;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.ui.LoggerUIService;

/**
 * Brings the journal's tables up to date with Liquibase. Liquibase's own lock table serialises two
 * processes starting at once; its tables carry our prefix so they never meet the host app's own
 * Liquibase tables in a shared database. When the changelog table already lists every changeset
 * ({@link AppliedChangeSets}), Liquibase is not even loaded: on a CLI's every start that saves
 * the seconds its class loading and changelog parsing take.
 */
final class JournalSchema {

  static final String CHANGELOG = "dev/thingyan/adapter/jdbc/db/changelog.xml";
  static final String CHANGELOG_TABLE = "thingyan_changelog";
  static final String CHANGELOG_LOCK_TABLE = "thingyan_changelog_lock";

  private JournalSchema() {}

  static void update(DataSource dataSource) throws Exception {
    try (Connection connection = dataSource.getConnection()) {
      if (!AppliedChangeSets.allApplied(connection)) {
        liquibaseUpdate(connection);
      }
    }
  }

  private static void liquibaseUpdate(Connection connection) throws Exception {
    Map<String, Object> scope =
        Map.of(
            // Liquibase 4.30+ sends usage analytics by default; a PMS server must not call out
            AnalyticsArgs.ENABLED.getKey(),
            false,
            Scope.Attr.logService.name(),
            new LiquibaseSlf4j(),
            Scope.Attr.ui.name(),
            new LoggerUIService(),
            Scope.Attr.resourceAccessor.name(),
            new ClassLoaderResourceAccessor(JournalSchema.class.getClassLoader()));
    Scope.child(
        scope,
        () -> {
          Database database =
              DatabaseFactory.getInstance()
                  .findCorrectDatabaseImplementation(new JdbcConnection(connection));
          database.setDatabaseChangeLogTableName(CHANGELOG_TABLE);
          database.setDatabaseChangeLogLockTableName(CHANGELOG_LOCK_TABLE);
          new CommandScope(UpdateCommandStep.COMMAND_NAME)
              .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database)
              .addArgumentValue(UpdateCommandStep.CHANGELOG_FILE_ARG, CHANGELOG)
              // the summary goes to the log, never to the stdout of the CLI that opened the
              // journal
              .addArgumentValue(
                  ShowSummaryArgument.SHOW_SUMMARY_OUTPUT, UpdateSummaryOutputEnum.LOG)
              .setOutput(OutputStream.nullOutputStream())
              .execute();
        });
  }
}
