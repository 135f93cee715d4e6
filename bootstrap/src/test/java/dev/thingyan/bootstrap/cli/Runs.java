package dev.thingyan.bootstrap.cli;

import dev.thingyan.ports.model.Actor;
import dev.thingyan.ports.model.Run;
import dev.thingyan.ports.model.RunId;
import dev.thingyan.ports.model.RunKind;
import dev.thingyan.ports.model.RunOptions;
import dev.thingyan.ports.model.RunState;
import dev.thingyan.ports.model.Version;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/** Test data: runs as the journal would hold them. */
final class Runs {
  static final Instant STARTED = Instant.parse("2026-04-13T05:33:04Z");

  private Runs() {}

  static Run run(String id, RunState state) {
    return new Run(new RunId(id), RunKind.UPDATE, state, Optional.of(Version.parse("1.2.0")),
        Optional.of(Version.parse("1.3.0")), new Actor("cli:tester"), STARTED,
        STARTED.plusSeconds(60), Optional.of(Path.of("/srv/pms/releases/1.3.0-20260413053304")),
        Optional.empty(), Optional.of("b-1"), Run.Awaiting.NOTHING, Optional.empty(),
        Optional.empty(), RunOptions.DEFAULT);
  }

  static Run withReason(Run r, String reason) {
    return new Run(r.id(), r.kind(), r.state(), r.fromVersion(), r.targetVersion(),
        r.requestedBy(), r.startedAt(), r.updatedAt(), r.releaseDir(), r.previousReleaseDir(),
        r.backupId(), r.awaiting(), Optional.of(reason), r.resolvedBy(), r.options());
  }
}
