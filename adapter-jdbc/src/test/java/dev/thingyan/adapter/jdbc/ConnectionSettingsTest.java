package dev.thingyan.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ConnectionSettingsTest {

  @Test
  void neitherToStringNorTheRedactedUrlShowAPassword() {
    ConnectionSettings s =
        new ConnectionSettings(
            "jdbc:postgresql://db:5432/pms?user=pms&password=hunter2&ssl=true", "pms", "hunter2");
    assertThat(s.toString()).doesNotContain("hunter2").contains("password=***");
    assertThat(s.redactedUrl())
        .isEqualTo("jdbc:postgresql://db:5432/pms?user=pms&password=***&ssl=true");
    assertThat(ConnectionSettings.redact("jdbc:mysql://pms:hunter2@db/pms;PWD=hunter2"))
        .doesNotContain("hunter2");
    assertThat(new ConnectionSettings("jdbc:h2:file:/x", "sa", "").toString())
        .contains("password=(none)");
  }

  @Test
  void aUrlThatIsNotJdbcIsRefusedWithoutEchoingItsPassword() {
    assertThatThrownBy(() -> new ConnectionSettings("postgres://u:hunter2@db/pms", "u", "hunter2"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("jdbcUrl")
        .hasMessageNotContaining("hunter2");
  }
}
