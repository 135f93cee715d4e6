package dev.thingyan.bootstrap.config;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

/** Binds {@code database} (the app's database) and {@code backup} (where its dumps go). */
final class DatabaseBinder {
  private DatabaseBinder() {}

  static Optional<DatabaseConfig> database(ConfigNode db) {
    if (!db.present()) {
      db.problem("missing; the app's database is backed up before every update: give"
          + " database.engine (sqlite, postgresql, mariadb or mysql) and its url or path");
      return Optional.empty();
    }
    db.allowOnly(Set.of("engine", "url", "path", "user", "password_file"));
    Optional<DatabaseConfig.Engine> engine = db.get("engine")
        .required("expected sqlite, postgresql, mariadb or mysql")
        .flatMap(t -> db.get("engine").parse(k -> DatabaseConfig.Engine.fromKey(k)
            .orElseThrow(IllegalArgumentException::new), "expected sqlite, postgresql, mariadb or mysql"));
    Optional<String> url = db.get("url").text();
    Optional<Path> path = db.get("path").pathValue();
    Optional<String> user = db.get("user").text();
    Optional<Secret> password = SecretFiles.read(db.get("password_file"));
    return engine.flatMap(e -> db.problems().build(
        () -> new DatabaseConfig(e, url, path, user, password)));
  }

  static Optional<BackupConfig> backup(ConfigNode backup, Path appRoot) {
    backup.allowOnly(Set.of("store", "local", "keep", "s3", "encryption", "timeout"));
    ConfigNode local = backup.get("local").allowOnly(Set.of("path"));
    String store = backup.get("store").text().orElse("local");
    Path path = local.get("path").pathValue().orElse(appRoot.resolve(".thingyan/backups"));
    int keep = backup.get("keep").integer(BackupConfig.MIN_KEEP, Integer.MIN_VALUE);
    Optional<BackupConfig.S3> s3 = backup.get("s3").present() ? s3(backup.get("s3")) : Optional.empty();
    ConfigNode encryption = backup.get("encryption").allowOnly(Set.of("keyset_file"));
    Optional<Path> keyset = encryption.get("keyset_file").pathValue();
    keyset.filter(k -> !Files.isReadable(k)).ifPresent(k -> encryption.get("keyset_file").problem(
        "cannot read " + k + "; create one with `thingyan backup keygen " + k + "` or fix the path"));
    java.time.Duration timeout = CoreBinder.duration(backup.get("timeout"), BackupConfig.DEFAULT_TIMEOUT);
    return backup.problems().build(() -> new BackupConfig(store, path, keep, s3, keyset, timeout));
  }

  private static Optional<BackupConfig.S3> s3(ConfigNode s3) {
    s3.allowOnly(Set.of("endpoint", "region", "bucket", "prefix", "access_key_id",
        "secret_access_key_file", "path_style", "part_size"));
    Optional<URI> endpoint = s3.get("endpoint").required("the S3 endpoint, e.g. https://s3.ap-southeast-1.amazonaws.com")
        .flatMap(t -> s3.get("endpoint").parse(URI::create, "expected a URL such as http://127.0.0.1:9000"));
    Optional<String> bucket = s3.get("bucket").required("the bucket name, e.g. pms-backups");
    String region = s3.get("region").text().orElse("us-east-1");
    String prefix = s3.get("prefix").text().orElse("");
    Optional<String> keyId = s3.get("access_key_id").text().or(() -> env("AWS_ACCESS_KEY_ID"));
    Optional<Secret> secret = SecretFiles.read(s3.get("secret_access_key_file"))
        .or(() -> env("AWS_SECRET_ACCESS_KEY").map(Secret::new));
    if (keyId.isEmpty()) {
      s3.get("access_key_id").problem("missing; set it here or in the environment as AWS_ACCESS_KEY_ID");
    }
    if (secret.isEmpty() && !s3.get("secret_access_key_file").present()) {
      s3.get("secret_access_key_file").problem("missing; a file holding the secret key (chmod 600),"
          + " or AWS_SECRET_ACCESS_KEY in the environment");
    }
    boolean pathStyle = s3.get("path_style").bool(true);
    long part = s3.get("part_size").parse(Units::bytes, "a size such as 8MiB").orElse(8L << 20);
    if (endpoint.isEmpty() || bucket.isEmpty() || keyId.isEmpty() || secret.isEmpty()) {
      return Optional.empty();
    }
    return s3.problems().build(() -> new BackupConfig.S3(endpoint.get(), region, bucket.get(), prefix,
        keyId.get(), secret.get(), pathStyle, part));
  }

  private static Optional<String> env(String name) {
    return Optional.ofNullable(System.getenv(name)).map(String::strip).filter(v -> !v.isEmpty());
  }
}
