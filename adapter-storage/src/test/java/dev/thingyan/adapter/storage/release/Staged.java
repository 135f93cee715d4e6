package dev.thingyan.adapter.storage.release;

import dev.thingyan.ports.model.Version;
import dev.thingyan.ports.out.FaultPoints;
import java.nio.file.Path;
import java.time.Instant;

/** A workspace under a test's folder with one freshly prepared staging folder for 1.2.0. */
record Staged(FileSystemReleaseWorkspace workspace, Path staging) {
  static Staged in(Path tmp) {
    FileSystemReleaseWorkspace workspace =
        new FileSystemReleaseWorkspace(tmp.resolve("app"), FaultPoints.NONE);
    return new Staged(workspace, workspace.prepareStaging(Version.parse("1.2.0"),
        Instant.parse("2025-01-02T03:04:05Z")));
  }
}
