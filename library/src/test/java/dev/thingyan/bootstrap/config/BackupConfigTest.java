package dev.thingyan.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code backup.s3.*} and {@code backup.encryption.*}: bound, or refused naming the key. */
class BackupConfigTest {

  @TempDir Path dir;

  @Test
  void anS3StoreIsBoundWithItsSecretFromAFile() throws Exception {
    Files.writeString(dir.resolve("s3.secret"), "wJalrXUtnFEMI-very-secret\n");
    ThingyanConfig config = ConfigLoader.load(ConfigFiles.write(dir, ConfigFiles.MINIMAL + """
        backup:
          store: s3
          s3:
            endpoint: http://127.0.0.1:9000
            bucket: pms-backups
            prefix: hotel-1
            access_key_id: AKIATEST
            secret_access_key_file: s3.secret
            part_size: 16MiB
        """));

    BackupConfig.S3 s3 = config.backup().s3().orElseThrow();
    assertThat(s3.bucket()).isEqualTo("pms-backups");
    assertThat(s3.partSizeBytes()).isEqualTo(16L << 20);
    assertThat(s3.secretAccessKey().reveal()).isEqualTo("wJalrXUtnFEMI-very-secret");
    assertThat(config.secrets()).contains("wJalrXUtnFEMI-very-secret");
    assertThat(config.toString()).doesNotContain("very-secret");
  }

  @Test
  void anS3StoreWithoutCredentialsOrBucketIsRefusedNamingTheKeys() {
    ConfigException e = catchThrowableOfType(ConfigException.class, () -> ConfigLoader.load(
        ConfigFiles.write(dir, ConfigFiles.MINIMAL + """
            backup:
              store: s3
              s3:
                endpoint: http://127.0.0.1:9000
                part_size: 1MiB
            """)));

    assertThat(e).isNotNull();
    assertThat(e.getMessage()).contains("backup.s3.bucket");
    if (System.getenv("AWS_ACCESS_KEY_ID") == null) {
      assertThat(e.getMessage()).contains("backup.s3.access_key_id").contains("AWS_ACCESS_KEY_ID");
    }
  }

  @Test
  void aMissingKeysetFileIsRefusedWithTheWayToMakeOne() {
    ConfigException e = catchThrowableOfType(ConfigException.class, () -> ConfigLoader.load(
        ConfigFiles.write(dir, ConfigFiles.MINIMAL + "backup:\n  encryption:\n    keyset_file: nope.json\n")));

    assertThat(e.getMessage()).contains("backup.encryption.keyset_file").contains("thingyan backup keygen");
  }

  @Test
  void aDumpMayTakeTwoHoursUnlessBackupTimeoutSaysOtherwise() throws Exception {
    assertThat(ConfigLoader.load(ConfigFiles.write(dir, ConfigFiles.MINIMAL)).backup().timeout())
        .isEqualTo(java.time.Duration.ofHours(2));
    assertThat(ConfigLoader.load(ConfigFiles.write(dir, ConfigFiles.MINIMAL + "backup:\n  timeout: 90m\n"))
        .backup().timeout()).isEqualTo(java.time.Duration.ofMinutes(90));
    ConfigException e = catchThrowableOfType(ConfigException.class, () -> ConfigLoader.load(
        ConfigFiles.write(dir, ConfigFiles.MINIMAL + "backup:\n  timeout: soon\n")));
    assertThat(e.getMessage()).contains("backup.timeout").contains("expected a duration");
  }
}
