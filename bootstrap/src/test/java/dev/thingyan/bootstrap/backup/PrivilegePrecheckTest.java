package dev.thingyan.bootstrap.backup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.thingyan.adapter.storage.verify.MinisignSigner;
import dev.thingyan.bootstrap.Standalone;
import dev.thingyan.bootstrap.ThingyanSystem;
import dev.thingyan.bootstrap.config.ConfigLoader;
import dev.thingyan.bootstrap.demo.DemoReleaseBuilder;
import dev.thingyan.bootstrap.demo.SampleEdition;
import dev.thingyan.ports.in.PrecheckFinding;
import dev.thingyan.ports.in.UpdateCheck;
import dev.thingyan.ports.in.UpdateRequest;
import dev.thingyan.ports.model.Actor;
import dev.thingyan.ports.model.Run;
import dev.thingyan.ports.model.RunOptions;
import dev.thingyan.ports.model.RunState;
import dev.thingyan.ports.model.StepRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A database user that could not back up or restore the app's database stops the update at its
 * prechecks, before a backup is tried or anything changes, with the statements that fix it; once
 * they are run, the same update goes through.
 */
class PrivilegePrecheckTest {

  private static final String ADMIN = "jdbc:postgresql://127.0.0.1:5432/postgres";
  private final String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
  private final String db = "ops_pp_" + suffix;
  private final String role = "ops_pp_" + suffix;
  @TempDir Path dir;

  @BeforeEach
  void databaseTheAppUserCannotFullyRead() throws Exception {
    sql(ADMIN, "CREATE DATABASE " + db, "CREATE ROLE " + role + " LOGIN");
    sql("jdbc:postgresql://127.0.0.1:5432/" + db, "CREATE TABLE folios (id INT)",
        "REVOKE ALL ON folios FROM PUBLIC");
  }

  @AfterEach
  void drop() throws Exception {
    sql(ADMIN, "DROP DATABASE IF EXISTS " + db + " WITH (FORCE)", "DROP ROLE IF EXISTS " + role);
  }

  @Test
  void theUpdateStopsAtItsPrechecksWithTheGrantsAndGoesThroughOnceTheyAreRun() throws Exception {
    MinisignSigner signer = MinisignSigner.generate();
    new DemoReleaseBuilder(signer).build(SampleEdition.V1, dir.resolve("feed"));
    try (ThingyanSystem system = Standalone.open(ConfigLoader.load(config(signer)))) {
      Run run = system.applyUpdate().apply(new UpdateRequest(new Actor("cli:test"), Optional.empty(), RunOptions.DEFAULT));

      assertThat(run.state()).isEqualTo(RunState.PRECHECK_FAILED);
      assertThat(run.reason()).get().asString().contains("database_privileges")
          .contains("cannot read 1 table(s)")
          .contains("GRANT SELECT ON ALL TABLES IN SCHEMA public TO " + role + ";");
      assertThat(system.queryRuns().run(run.id()).orElseThrow().steps())
          .extracting(StepRecord::step).containsExactly("precheck");
      assertThat(system.backupDatabase().list()).isEmpty();
      assertThat(dir.resolve("app/releases")).satisfiesAnyOf(
          p -> assertThat(p).doesNotExist(), p -> assertThat(p).isEmptyDirectory());

      UpdateCheck check = system.checkForUpdates().check(new UpdateRequest(new Actor("cli:test"),
          Optional.empty(), RunOptions.DEFAULT));
      PrecheckFinding finding = check.findings().stream()
          .filter(f -> f.name().equals("database_privileges")).findFirst().orElseThrow();
      assertThat(finding.blocks()).isTrue();
      sql("jdbc:postgresql://127.0.0.1:5432/" + db, finding.fixes().toArray(String[]::new));

      Run again = system.applyUpdate().apply(new UpdateRequest(new Actor("cli:test"), Optional.empty(), RunOptions.DEFAULT));
      assertThat(again.state()).as(again.reason().orElse("")).isEqualTo(RunState.COMPLETED);
    }
  }

  private Path config(MinisignSigner signer) throws Exception {
    return Files.writeString(dir.resolve("thingyan.yaml"), String.join("\n",
        "app:", "  root: " + dir.resolve("app"), "  package_asset: [\"app-*.tar.gz\"]",
        "journal:", "  url: \"jdbc:h2:file:" + dir.resolve("journal/thingyan") + "\"",
        "source:", "  type: folder", "  folder:", "    path: " + dir.resolve("feed"),
        "verify:", "  public_keys: [\"" + signer.publicKeyLine() + "\"]",
        "health:", "  checks:", "    - {type: database}",
        "prechecks:", "  min_free_disk: 1MB",
        "database:", "  engine: postgresql", "  url: jdbc:postgresql://127.0.0.1:5432/" + db, "  user: " + role,
        "backup:", "  local:", "    path: " + dir.resolve("backups"), ""));
  }

  private static void sql(String url, String... statements) throws Exception {
    try (Connection c = DriverManager.getConnection(url, "postgres", "")) {
      for (String s : statements) c.createStatement().execute(s);
    }
  }
}
