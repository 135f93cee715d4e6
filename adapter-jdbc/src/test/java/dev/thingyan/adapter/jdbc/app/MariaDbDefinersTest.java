package dev.thingyan.adapter.jdbc.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.thingyan.adapter.jdbc.ConnectionSettings;
import dev.thingyan.ports.out.DatabaseDumper.ProgressSink;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * DEFINER clauses are kept when the restoring account may set them, and replaced and reported when
 * it may not; on the real MariaDB at 127.0.0.1:3306.
 */
class MariaDbDefinersTest {

  private MariaDbFixture db;
  private String owner;

  @BeforeEach
  void createDatabase() {
    db = new MariaDbFixture("bk_");
    owner = db.name + "_o";
    MariaDbFixture.admin(
        "CREATE USER '" + owner + "'@'%'",
        "GRANT ALL ON " + db.name + ".* TO '" + owner + "'@'%'");
    db.exec("CREATE TABLE guests (id int PRIMARY KEY, name text)", "INSERT INTO guests VALUES (1, 'a')");
    MariaDbFixture.admin(
        "CREATE DEFINER='" + owner + "'@'%' SQL SECURITY DEFINER VIEW " + db.name
            + ".guest_names AS SELECT name FROM " + db.name + ".guests",
        "CREATE DEFINER='" + owner + "'@'%' PROCEDURE " + db.name
            + ".purge_guests() SQL SECURITY DEFINER DELETE FROM guests");
  }

  @AfterEach
  void dropDatabase() {
    MariaDbFixture.admin("DROP USER IF EXISTS '" + owner + "'@'%'");
    db.close();
  }

  private List<String> definers() {
    return db.rows("SELECT concat(table_name, ' ', definer, ' ', security_type) FROM"
        + " information_schema.views WHERE table_schema = '" + db.name + "' UNION ALL SELECT"
        + " concat(routine_name, ' ', definer, ' ', security_type) FROM information_schema.routines"
        + " WHERE routine_schema = '" + db.name + "' ORDER BY 1");
  }

  @Test
  void anAccountThatMaySetAnyDefinerKeepsEveryOne() throws Exception {
    List<String> before = definers();
    assertThat(before).containsExactly("guest_names " + owner + "@% DEFINER",
        "purge_guests " + owner + "@% DEFINER");
    MariaDbDumper root =
        new MariaDbDumper(new ConnectionSettings(MariaDbFixture.ADMIN + db.name, "root", ""));
    DumpStreams.Compressed store = new DumpStreams.Compressed();
    try (OutputStream out = store.writer()) {
      root.dump(out, ProgressSink.NONE);
    }
    db.exec("DROP VIEW guest_names", "DROP PROCEDURE purge_guests", "CREATE VIEW guest_names AS SELECT 1");

    root.restore(store.reader(), ProgressSink.NONE);

    assertThat(definers()).isEqualTo(before);
  }

  @Test
  void anAccountWithoutSetUserBecomesTheDefinerAndTheFilterNamesWhomItReplaced() throws Exception {
    MariaDbDefiners policy;
    try (Connection c = DriverManager.getConnection(db.other.jdbcUrl(), db.other.user(),
        db.other.password())) {
      policy = MariaDbDefiners.of(c);
    }
    assertThat(policy.anyDefiner()).isFalse();
    assertThat(policy.keeps("`" + db.other.user() + "`@`%`")).isTrue();
    assertThat(policy.keeps("`" + owner + "`@`%`")).isFalse();
    String dump = "CREATE DEFINER=`" + owner + "`@`%` PROCEDURE `p`()\n"
        + "/*!50013 DEFINER=`" + db.other.user() + "`@`%` SQL SECURITY DEFINER */\n";
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    MariaDbDumpFilter filter = new MariaDbDumpFilter(out, true, policy);
    filter.write(dump.getBytes(StandardCharsets.UTF_8));
    filter.finish();
    assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("CREATE PROCEDURE `p`()\n"
        + "/*!50013 DEFINER=`" + db.other.user() + "`@`%` SQL SECURITY DEFINER */\n");
    assertThat(filter.replaced()).containsExactly("`" + owner + "`@`%`");

    DumpStreams.Compressed store = new DumpStreams.Compressed();
    try (OutputStream o = store.writer()) {
      // reading another account's routine needs SHOW CREATE ROUTINE: the backup runs as root
      new MariaDbDumper(new ConnectionSettings(MariaDbFixture.ADMIN + db.name, "root", ""))
          .dump(o, ProgressSink.NONE);
    }
    new MariaDbDumper(db.other).restore(store.reader(), ProgressSink.NONE);
    assertThat(definers()).containsExactly("guest_names " + db.other.user() + "@% DEFINER",
        "purge_guests " + db.other.user() + "@% DEFINER");
  }

}
