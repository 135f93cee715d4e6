package dev.thingyan.adapter.storage.release;

import dev.thingyan.ports.model.GateBypass;
import dev.thingyan.ports.model.MaintenanceFlag;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Objects;
import java.util.regex.Pattern;

/** The app root's {@code .thingyan/} folder: downloads per run and the maintenance flag (with the gate's bypass). */
final class StateFolder {
  private static final Pattern SAFE_RUN_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

  private static final String BYPASS = "bypass=";
  private static final FileAttribute<Set<PosixFilePermission>>[] OWNER_ONLY = ownerOnly();

  private final Path dir;

  StateFolder(Path dir) {
    this.dir = dir;
  }

  @SuppressWarnings("unchecked")
  private static FileAttribute<Set<PosixFilePermission>>[] ownerOnly() {
    boolean posix = java.nio.file.FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    return posix ? new FileAttribute[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))}
        : new FileAttribute[0];
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
    writeFlag(reason, Optional.empty());
  }

  /**
   * The flag file: the reason on the first line, then {@code bypass=<secret>}. Owner-only (the
   * secret lets anyone past the gate), written whole then renamed, so a reader never sees half.
   */
  void raiseMaintenance(String reason, GateBypass bypass) {
    writeFlag(reason, Optional.of(bypass));
  }

  private void writeFlag(String reason, Optional<GateBypass> bypass) {
    Path flag = dir.resolve("maintenance");
    Io.run("create " + flag, () -> {
      Path tmp = Files.createTempFile(dir, "maintenance", ".tmp", OWNER_ONLY);
      String oneLine = Objects.requireNonNullElse(reason, "").replaceAll("[\\r\\n]+", " ");
      Files.writeString(tmp, oneLine + "\n" + bypass.map(b -> BYPASS + b.secret() + "\n").orElse(""));
      Files.move(tmp, flag, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    });
  }

  boolean maintenance() {
    return Files.exists(dir.resolve("maintenance"));
  }

  Optional<MaintenanceFlag> readMaintenance() {
    Path flag = dir.resolve("maintenance");
    List<String> lines;
    try {
      lines = Files.readAllLines(flag);
    } catch (NoSuchFileException gone) {
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("could not read " + flag + ": " + e, e);
    }
    String reason = lines.isEmpty() ? "" : lines.get(0);
    Optional<GateBypass> bypass = lines.stream().filter(l -> l.startsWith(BYPASS))
        .map(l -> l.substring(BYPASS.length()).strip()).findFirst().flatMap(StateFolder::bypass);
    return Optional.of(new MaintenanceFlag(reason, bypass));
  }

  // a flag edited by hand into something that is no secret is read as one without a bypass
  private static Optional<GateBypass> bypass(String secret) {
    try {
      return Optional.of(new GateBypass(secret));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
