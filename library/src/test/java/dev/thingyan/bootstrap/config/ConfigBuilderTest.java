package dev.thingyan.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.thingyan.ports.error.ConfigurationException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A configuration built in code is the configuration the same keys in a file give: the profile's
 * defaults, the same checks, and every problem listed at once.
 */
class ConfigBuilderTest {

  @TempDir Path dir;

  @Test
  void codeAndFileGiveTheSameConfiguration() {
    ThingyanConfig fromFile = ConfigLoader.load(ConfigFiles.write(dir, """
        app:
          root: /srv/pms
          profile: laravel
        source:
          type: github
          github:
            repo: acme/pms
        verify:
          allow_unsigned: true
        health:
          checks: [{type: http, url: "http://127.0.0.1/health"}]
          retries: 7
          interval: 2s
        database:
          engine: postgresql
          url: jdbc:postgresql://127.0.0.1/pms
        """));

    ThingyanConfig inCode = ThingyanConfig.builder()
        .appRoot(Path.of("/srv/pms")).profile(Profile.LARAVEL)
        .githubSource("acme/pms").set("verify.allow_unsigned", true)
        .healthUrl("http://127.0.0.1/health").set("health.retries", 7)
        .set("health.interval", Duration.ofSeconds(2))
        .database(DatabaseConfig.Engine.POSTGRESQL, "jdbc:postgresql://127.0.0.1/pms")
        .baseDir(dir)
        .build();

    assertThat(inCode).isEqualTo(fromFile);
    assertThat(inCode.hooks()).as("the laravel profile's hooks").isEqualTo(fromFile.hooks());
    assertThat(inCode.hooks().phases()).isNotEmpty();
  }

  @Test
  void everyProblemIsListedInOneException() {
    assertThatThrownBy(() -> ThingyanConfig.builder()
        .set("health.retries", 0)
        .set("backup.kepe", 3)
        .database(DatabaseConfig.Engine.POSTGRESQL, "postgresql://no-jdbc-prefix")
        .build())
        .isInstanceOf(ConfigException.class)
        .isInstanceOf(ConfigurationException.class)
        .satisfies(e -> {
          List<String> problems = ((ConfigException) e).problems();
          assertThat(problems).anyMatch(p -> p.startsWith("app.root"))
              .anyMatch(p -> p.startsWith("source"))
              .anyMatch(p -> p.startsWith("health.retries"))
              .anyMatch(p -> p.startsWith("backup.kepe"))
              .anyMatch(p -> p.startsWith("database.url"));
          assertThat(((ConfigException) e).code()).isEqualTo("config_invalid");
          assertThat(((ConfigException) e).reason().args()).containsKey("problems");
        })
        .hasMessageStartingWith("configuration built in code:");
  }
}
