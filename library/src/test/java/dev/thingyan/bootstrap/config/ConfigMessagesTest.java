package dev.thingyan.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 18: each refusal says what is true about the file and what to do, once. */
class ConfigMessagesTest {
  @TempDir Path dir;

  private ConfigException refused(Path file) {
    ConfigException e = catchThrowableOfType(ConfigException.class, () -> ConfigLoader.load(file));
    assertThat(e).as("the configuration should have been refused").isNotNull();
    return e;
  }

  private ConfigException refused(String yaml) {
    return refused(ConfigFiles.write(dir, yaml));
  }

  @Test
  void aFolderIsCalledAFolderNotAPermissionProblem() {
    ConfigException e = refused(dir);
    assertThat(e.problems()).singleElement().asString()
        .contains("folder, not a file").doesNotContain("readable");
  }

  @Test
  void aFileThatIsNotUtf8IsCalledThat() throws Exception {
    Path file = dir.resolve("thingyan.yaml");
    Files.write(file, new byte[] {'a', 'p', 'p', ':', ' ', (byte) 0xE9, (byte) 0xFF, '\n'});
    ConfigException e = refused(file);
    assertThat(e.problems()).singleElement().asString()
        .contains("not UTF-8").doesNotContain("readable");
  }

  @Test
  void aYamlSyntaxErrorGivesLineColumnAndAFixWithoutSnakeYamlsReaderEcho() {
    ConfigException e = refused("app:\n  root: /srv\n   bad: : x\nsource: [\n");
    assertThat(e.problems()).singleElement().asString()
        .contains("line ").contains("column ").contains("indentation")
        .doesNotContain("in 'reader'").doesNotContain("^");
  }

  @Test
  void aBrokenBlockNamesWhatWasExpectedNotTheQuotedSource() {
    ConfigException e = refused("app:\n  root: /srv\n source: x\n");
    assertThat(e.problems()).singleElement().asString()
        .contains("line 3").contains("expected").doesNotContain("in 'reader'")
        .doesNotContain("^").doesNotContain("root: /srv");
  }

  @Test
  void aWrongWholeNumberEchoesTheValue() {
    ConfigException e = refused(ConfigFiles.MINIMAL.replace("checks: [{type: database}]",
        "checks: [{type: database}]\n  retries: ten"));
    assertThat(e.problems()).singleElement().asString()
        .startsWith("health.retries").contains("'ten'");
  }

  @Test
  void aNumberBelowItsMinimumIsOneLineForOneKey() {
    ConfigException e = refused(ConfigFiles.MINIMAL.replace("checks: [{type: database}]",
        "checks: [{type: database}]\n  retries: -1"));
    assertThat(e.problems()).singleElement().asString()
        .startsWith("health.retries").contains("at least 1").contains("-1");
  }

  @Test
  void tooFewBackupsSaysTheRuleNotADocumentTheOperatorNeverSees() {
    ConfigException e = refused(ConfigFiles.MINIMAL + "backup:\n  keep: 2\n");
    assertThat(e.problems()).singleElement().asString()
        .contains("at least 3").doesNotContain("spec");
  }

  @Test
  void aRepoOutsideGitHubsNamingRulesIsRefused() {
    ConfigException e = refused(ConfigFiles.MINIMAL.replace("acme/pms", "\"-acme/pms.\""));
    assertThat(e.problems()).singleElement().asString()
        .contains("source.github.repo").contains("owner '-acme'").contains("hyphen");
    assertThat(SourceConfig.GitHub.repoProblem("acme/pms.git")).contains(".git");
    assertThat(SourceConfig.GitHub.repoProblem("a--b/x")).isNotNull();
    assertThat(SourceConfig.GitHub.repoProblem("acme/..")).isNotNull();
    assertThat(SourceConfig.GitHub.repoProblem("acme-corp/pms_2.x")).isNull();
  }
}
