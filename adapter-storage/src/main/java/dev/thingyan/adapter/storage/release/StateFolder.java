package dev.thingyan.adapter.storage.release;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Objects;
import java.util.regex.Pattern;

/** The app root's {@code .thingyan/} folder: downloads per run and the maintenance flag. */
final class StateFolder {
  private static final Pattern SAFE_RUN_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

  private final Path dir;

  StateFolder(Path dir) {
    this.dir = dir;
  }

  Path dir() {
    return dir;
  }

  Path downloadDir(String runId) {
    // the run id becomes a folder name: nothing that could climb out of downloads/
    if (runId == null || !SAFE_RUN_ID.matcher(runId).matches()) {
      throw new IllegalArgumentException("run id '" + runId + "' cannot name a folder: use "
          + "letters, digits, '.', '_' and '-' only");
    }
    Path downloads = dir.resolve("downloads").resolve(runId);
    Io.run("create " + downloads, () -> Files.createDirectories(downloads));
    return downloads;
  }

  void setMaintenance(boolean on, String reason) {
    Path flag = dir.resolve("maintenance");
    if (!on) {
      Io.run("remove " + flag, () -> Files.deleteIfExists(flag));
      return;
    }
    Io.run("create " + flag, () -> {
      // written whole then renamed, so a reader never sees a half-written reason
      Path tmp = Files.createTempFile(dir, "maintenance", ".tmp");
      Files.writeString(tmp, Objects.requireNonNullElse(reason, "") + "\n");
      Files.move(tmp, flag, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    });
  }

  boolean maintenance() {
    return Files.exists(dir.resolve("maintenance"));
  }
}
