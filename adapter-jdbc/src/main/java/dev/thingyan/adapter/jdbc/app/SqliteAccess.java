package dev.thingyan.adapter.jdbc.app;

import dev.thingyan.ports.model.AccessCheckResult;
import dev.thingyan.ports.out.DatabaseAccess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Checks that this process may back up and restore the app's SQLite file, as {@link SqliteDumper}
 * and {@link SqliteRestore} do it: read the file, write the backup's copy into the work folder,
 * and write the live file and its folder (the restore writes the file in place, with a rollback
 * journal beside it). A failure names the chown/chmod to run.
 */
public final class SqliteAccess implements DatabaseAccess {
  private final Path database;
  private final Path workDir;

  /** @param workDir where a dump is staged ({@link SqliteDumper}'s folder; created if absent) */
  public SqliteAccess(Path database, Path workDir) {
    this.database = Objects.requireNonNull(database, "database").toAbsolutePath().normalize();
    this.workDir = Objects.requireNonNull(workDir, "workDir").toAbsolutePath().normalize();
  }

  @Override
  public AccessCheckResult check() {
    List<String> problems = new ArrayList<>();
    List<String> fixes = new ArrayList<>();
    String me = System.getProperty("user.name");
    if (!Files.exists(database)) {
      return AccessCheckResult.missing(database + " does not exist; check database.path",
          List.of());
    }
    if (!Files.isReadable(database) || !Files.isWritable(database)) {
      problems.add("cannot read and write " + database);
      fixes.add("chown " + me + " " + database);
    }
    Path folder = database.getParent();
    if (!Files.isWritable(folder) || !Files.isExecutable(folder)) {
      problems.add("cannot create the restore's journal in " + folder);
      fixes.add("chown " + me + " " + folder);
    }
    Path existing = workDir;
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    if (existing == null || !Files.isWritable(existing)) {
      problems.add("cannot write the backup's copy into " + workDir);
      fixes.add("mkdir -p " + workDir + " && chown " + me + " " + workDir);
    }
    if (problems.isEmpty()) {
      return AccessCheckResult.ok(me + " may back up and restore " + database);
    }
    return AccessCheckResult.missing(me + ": " + String.join("; ", problems), fixes);
  }
}
