package dev.thingyan.adapter.jdbc.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DatabaseAddressTest {

  @Test
  void readsHostPortAndDatabaseWithDefaults() {
    assertThat(DatabaseAddress.postgres("jdbc:postgresql://db.example:6543/pms?sslmode=require"))
        .isEqualTo(
            new DatabaseAddress("postgresql", "db.example", 6543, "pms", "?sslmode=require"));
    assertThat(DatabaseAddress.postgres("jdbc:postgresql://10.0.0.5/pms").port()).isEqualTo(5432);
    assertThat(DatabaseAddress.mariadb("jdbc:mysql://[::1]/hotel").host()).isEqualTo("::1");
    assertThat(DatabaseAddress.mariadb("jdbc:mariadb://localhost/hotel").port()).isEqualTo(3306);
  }

  @Test
  void rebuildsTheUrlForAnotherDatabaseKeepingParameters() {
    DatabaseAddress a = DatabaseAddress.postgres("jdbc:postgresql://db:5433/pms?ssl=true");
    assertThat(a.jdbcUrl("scratch")).isEqualTo("jdbc:postgresql://db:5433/scratch?ssl=true");
    assertThat(a).hasToString("db:5433/pms");
  }

  @Test
  void refusesOtherEnginesAndShowsNoPassword() {
    assertThatThrownBy(() -> DatabaseAddress.postgres("jdbc:mariadb://db/pms?password=hunter2"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("jdbc:postgresql://host[:port]/database")
        .hasMessageNotContaining("hunter2");
    assertThatThrownBy(() -> DatabaseAddress.mariadb("jdbc:mariadb://a,b/pms"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
