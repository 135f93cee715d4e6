package dev.thingyan.bootstrap.backup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.thingyan.bootstrap.Standalone;
import dev.thingyan.bootstrap.ThingyanSystem;
import dev.thingyan.bootstrap.config.ConfigLoader;
import dev.thingyan.bootstrap.demo.DemoReleaseBuilder;
import dev.thingyan.adapter.storage.verify.MinisignSigner;
import dev.thingyan.bootstrap.demo.SampleEdition;
import dev.thingyan.ports.in.QueryRuns;
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
 * The spec: "Backup failure -> update stops". The app's database answers and its user may back it
 * up (the prechecks pass), but the backup cannot be stored (its folder is a file): the run ends
 * backup_failed, nothing is downloaded or installed, and no backup is recorded. (A database the
 * user cannot fully read is stopped earlier, by the privilege precheck:
 * {@link PrivilegePrecheckTest}.)
 */
class BackupFailureStopsUpdateTest {

  private static final String ADMIN = "jdbc:postgresql://127.0.0.1:5432/postgres";
  private final String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
  private final String db = "thingyan_bf_" + suffix;
  private final String role = "thingyan_bf_" + suffix;
  @TempDir Path dir;

  @BeforeEach
  void databaseWithABackupStoreThatCannotBeWritten() throws Exception {
    sql(ADMIN, "CREATE ROLE " + role + " LOGIN", "CREATE DATABASE " + db + " OWNER " + role);
    sql("jdbc:postgresql://127.0.0.1:5432/" + db, "CREATE TABLE folios (id INT)",
        "ALTER TABLE folios OWNER TO " + role);
    Files.writeString(dir.resolve("backups"), "a file where the backup folder should be");
  }

  @AfterEach
  void drop() throws Exception {
    sql(ADMIN, "DROP DATABASE IF EXISTS " + db + " WITH (FORCE)", "DROP ROLE IF EXISTS " + role);
  }

  @Test
  void aFailedBackupStopsTheUpdateBeforeAnythingIsDownloaded() throws Exception {
    MinisignSigner signer = MinisignSigner.generate();
    new DemoReleaseBuilder(signer).build(SampleEdition.V1, dir.resolve("feed"));
    try (ThingyanSystem system = Standalone.open(ConfigLoader.load(config(signer)))) {
      Run run = system.applyUpdate().apply(new UpdateRequest(new Actor("cli:test"), Optional.empty(), RunOptions.DEFAULT));

      assertThat(run.state()).isEqualTo(RunState.BACKUP_FAILED);
      assertThat(run.reason()).get().asString().contains("backup failed");
      QueryRuns.Detail detail = system.queryRuns().run(run.id()).orElseThrow();
      assertThat(detail.steps()).extracting(StepRecord::step).containsExactly("precheck", "backup");
      assertThat(system.backupDatabase().list()).isEmpty();
      assertThat(system.queryRuns().status().current()).isEmpty();
      assertThat(dir.resolve("backups")).isRegularFile();
      assertThat(dir.resolve("app/releases")).satisfiesAnyOf(
          p -> assertThat(p).doesNotExist(), p -> assertThat(p).isEmptyDirectory());
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
