package dev.thingyan.adapter.jdbc.app;

import dev.thingyan.ports.out.BackupException;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds a database client tool in a configured folder, or else on the {@code PATH}, so a missing
 * tool fails with advice instead of a bare {@code error=2}.
 */
final class Binaries {

  private final Optional<Path> folder;
  private final String installHint;

  /**
   * @param folder where the tools are; empty means search the {@code PATH}
   * @param installHint e.g. {@code install postgresql-client}
   */
  Binaries(Optional<Path> folder, String installHint) {
    this.folder = folder;
    this.installHint = installHint;
  }

  /**
   * @return the first of {@code names} found, in the order given
   */
  Path find(String... names) {
    for (String name : names) {
      for (Path dir : searched()) {
        Path candidate = dir.resolve(name);
        if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
          return candidate;
        }
      }
    }
    String where = folder.map(Path::toString).orElse("the PATH");
    throw new BackupException(
        String.join(" or ", names)
            + " was not found in "
            + where
            + "; "
            + installHint
            + ", or configure the folder that holds the database client tools");
  }

  private List<Path> searched() {
    if (folder.isPresent()) {
      return List.of(folder.get());
    }
    List<Path> dirs = new ArrayList<>();
    String path = System.getenv().getOrDefault("PATH", "");
    for (String entry : path.split(File.pathSeparator)) {
      if (!entry.isBlank()) {
        dirs.add(Path.of(entry));
      }
    }
    return dirs;
  }
}
