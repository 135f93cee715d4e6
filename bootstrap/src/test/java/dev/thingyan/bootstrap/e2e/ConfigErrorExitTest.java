package dev.thingyan.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.thingyan.bootstrap.cli.ExitCodes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad values the GitHub client would refuse at start are configuration errors: the real CLI
 * exits 2 naming the key, never 4 "Unexpected error (IllegalArgumentException)", and never
 * shows the token.
 */
class ConfigErrorExitTest {
  private static final String TOKEN = "ghp_configErrorExit1234567890abcdef";
  @TempDir Path dir;

  @Test
  void anHttpApiUrlOffLoopbackWithATokenExits2NamingTheKey() throws Exception {
    CliProcess.Result r = check("http://ghe.example/api/v3", TOKEN);

    assertThat(r.exitCode()).as(r::toString).isEqualTo(ExitCodes.USAGE);
    assertThat(r.stdout() + r.stderr()).contains("source.github.api_url")
        .doesNotContain("IllegalArgumentException", TOKEN);
  }

  @Test
  void aTokenWithAControlCharacterExits2NamingTheKey() throws Exception {
    CliProcess.Result r = check("https://api.github.com", "ghp_abc\u0007def");

    assertThat(r.exitCode()).as(r::toString).isEqualTo(ExitCodes.USAGE);
    assertThat(r.stdout() + r.stderr()).contains("source.github.token_file")
        .doesNotContain("IllegalArgumentException", "ghp_abc");
  }

  private CliProcess.Result check(String apiUrl, String token) throws Exception {
    // the app root exists: check refuses a missing one before the GitHub client is built
    Files.createDirectories(dir.resolve("app"));
    Path tokenFile = Files.writeString(dir.resolve("github.token"), token);
    Files.setPosixFilePermissions(tokenFile, PosixFilePermissions.fromString("rw-------"));
    Path config = Files.writeString(dir.resolve("thingyan.yaml"), String.join("\n",
        "app:", "  root: " + dir.resolve("app"),
        "source:", "  type: github", "  github:", "    repo: acme/pms",
        "    api_url: " + apiUrl, "    token_file: " + tokenFile,
        "verify:", "  allow_unsigned: true",
        "health:", "  checks: [{type: database}]",
        "database:", "  engine: sqlite", "  path: db.sqlite", ""));
    try (CliProcess p = CliProcess.start(dir, "check", config, "check")) {
      return p.await();
    }
  }
}
