package dev.thingyan.bootstrap.config;

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
    backup.allowOnly(Set.of("store", "local", "keep"));
    ConfigNode local = backup.get("local").allowOnly(Set.of("path"));
    String store = backup.get("store").text().orElse("local");
    Path path = local.get("path").pathValue().orElse(appRoot.resolve(".thingyan/backups"));
    int keep = backup.get("keep").integer(BackupConfig.MIN_KEEP, Integer.MIN_VALUE);
    return backup.problems().build(() -> new BackupConfig(store, path, keep));
  }
}
