package dev.thingyan.adapter.jdbc.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.thingyan.adapter.jdbc.ConnectionSettings;
import dev.thingyan.ports.model.AccessCheckResult;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The privilege precheck against the real MariaDB, with users holding less than a restore needs:
 * each finding names the GRANT, and running that GRANT as root makes the check pass.
 */
class MariaDbAccessTest {
  private static final String ADMIN = "jdbc:mariadb://127.0.0.1:3306/";
  private final String name = "ops_priv_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
  private final String user = name + "_u";
  private final String role = name + "_r";
  private final ConnectionSettings settings = new ConnectionSettings(ADMIN + name, user, "pw'1");

  private void setUp(String... grants) {
    admin("CREATE DATABASE " + name, "CREATE USER '" + user + "'@'%' IDENTIFIED BY 'pw\\'1'",
        "CREATE TABLE " + name + ".folios (id INT PRIMARY KEY, balance INT)");
    admin(grants);
  }

  @AfterEach
  void dropAll() {
    admin("DROP DATABASE IF EXISTS " + name, "DROP USER IF EXISTS '" + user + "'@'%'",
        "DROP ROLE IF EXISTS " + role);
  }

  @Test
  void aUserWithWhatTheGuideGrantsPasses() {
    setUp("GRANT ALL ON " + name + ".* TO '" + user + "'@'%'",
        "GRANT ALL ON `thingyan\\_%`.* TO '" + user + "'@'%'");

    AccessCheckResult r = new MariaDbAccess(settings).check();

    assertThat(r.ok()).as(r.detail()).isTrue();
    assertThat(r.detail()).contains("'" + user + "'@'%'").contains("dump rehearsed");
    assertThat(scratchDatabases()).isEmpty();
  }

  @Test
  void withoutTheScratchDatabasesTheFindingNamesTheirGrantAndRunningItFixesIt() {
    setUp("GRANT ALL ON " + name + ".* TO '" + user + "'@'%'");

    AccessCheckResult r = new MariaDbAccess(settings).check();

    assertThat(r.ok()).isFalse();
    assertThat(r.detail()).contains("scratch databases thingyan_%").contains("CREATE DATABASE");
    assertThat(r.fixes()).containsExactly(
        "GRANT ALL PRIVILEGES ON `thingyan\\_%`.* TO '" + user + "'@'%';");
    admin(r.fixes().toArray(String[]::new));
    assertThat(new MariaDbAccess(settings).check().ok()).isTrue();
  }

  @Test
  void aReadOnlyUserLacksWhatTheRestoreDoesInItsOwnDatabase() {
    setUp("GRANT SELECT ON " + name + ".* TO '" + user + "'@'%'",
        "GRANT ALL ON `thingyan\\_%`.* TO '" + user + "'@'%'",
        "CREATE VIEW " + name + ".open_folios AS SELECT id FROM " + name + ".folios WHERE balance <> 0",
        "CREATE TRIGGER " + name + ".t BEFORE UPDATE ON " + name + ".folios FOR EACH ROW SET NEW.balance = NEW.balance");

    AccessCheckResult r = new MariaDbAccess(settings).check();

    assertThat(r.ok()).isFalse();
    assertThat(r.detail()).contains("on " + name + " the restore lacks")
        .contains("a backup would fail");
    assertThat(r.fixes()).singleElement().asString()
        .startsWith("GRANT INSERT, CREATE, DROP, ALTER, LOCK TABLES, CREATE VIEW, SHOW VIEW,")
        .contains("TRIGGER").endsWith(" ON `" + name + "`.* TO '" + user + "'@'%';");
    admin(r.fixes().toArray(String[]::new));
    AccessCheckResult after = new MariaDbAccess(settings).check();
    assertThat(after.ok()).as(after.detail()).isTrue();
  }

  @Test
  void privilegesGivenThroughTheDefaultRoleCount() {
    setUp("CREATE ROLE " + role, "GRANT ALL ON " + name + ".* TO " + role,
        "GRANT " + role + " TO '" + user + "'@'%'",
        "SET DEFAULT ROLE " + role + " FOR '" + user + "'@'%'",
        "GRANT ALL ON `thingyan\\_%`.* TO '" + user + "'@'%'");

    AccessCheckResult r = new MariaDbAccess(settings).check();

    assertThat(r.ok()).as(r.detail()).isTrue();
  }

  @Test
  void grantPatternsAreLikePatterns() {
    assertThat(MariaDbGrants.on("thingyan_restore_1", List.of(
        "GRANT ALL PRIVILEGES ON `thingyan\\_%`.* TO `u`@`%`"))).contains("DROP", "CREATE");
    assertThat(MariaDbGrants.on("thingyanXrestore", List.of(
        "GRANT ALL PRIVILEGES ON `thingyan\\_%`.* TO `u`@`%`"))).isEmpty();
    assertThat(MariaDbGrants.on("pms", List.of("GRANT SELECT ON `pms`.`folios` TO `u`@`%`",
        "GRANT RELOAD ON *.* TO `u`@`%`"))).containsExactly("RELOAD");
  }

  private List<String> scratchDatabases() {
    List<String> out = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(ADMIN, "root", "");
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SHOW DATABASES LIKE 'thingyan\\_privcheck\\_%'")) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return out;
  }

  private static void admin(String... sql) {
    try (Connection c = DriverManager.getConnection(ADMIN, "root", "");
        Statement s = c.createStatement()) {
      for (String q : sql) {
        s.execute(q);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
