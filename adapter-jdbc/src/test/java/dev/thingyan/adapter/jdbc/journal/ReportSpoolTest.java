package dev.thingyan.adapter.jdbc.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.thingyan.ports.model.report.ErrorReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportSpoolTest {
  @TempDir Path dir;

  @Test
  void keepsReportsOwnerOnlyAndDrainsEachOnce() throws Exception {
    ReportSpool spool = new ReportSpool(dir.resolve("spool"));
    for (int i = 0; i < 3; i++) {
      spool.put(OutboxReports.bare("title " + i, Optional.empty()));
    }
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("spool"))))
        .isEqualTo("rwx------");
    try (var files = Files.list(dir.resolve("spool"))) {
      files.filter(f -> f.toString().endsWith(".json")).forEach(f -> {
        try {
          assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f)))
              .isEqualTo("rw-------");
        } catch (Exception e) {
          throw new AssertionError(e);
        }
      });
    }
    List<ErrorReport> got = new ArrayList<>();
    assertThat(spool.drain(got::add)).isEqualTo(3);
    assertThat(got).extracting(ErrorReport::title).containsExactly("title 0", "title 1",
        "title 2");
    assertThat(spool.size()).isZero();
  }

  @Test
  void aFailedSubmitLeavesTheReportAndOnlyOneDrainerHoldsTheLock() throws Exception {
    ReportSpool spool = new ReportSpool(dir.resolve("spool"));
    spool.put(OutboxReports.bare("kept", Optional.empty()));
    assertThatThrownBy(() -> spool.drain(r -> {
      throw new IllegalStateException("journal busy");
    })).hasMessage("journal busy");
    assertThat(spool.size()).isEqualTo(1);
    Optional<AutoCloseable> first = spool.drainLock();
    assertThat(first).isPresent();
    first.get().close();
  }

  @Test
  void aStaleClaimIsTakenBack() throws Exception {
    ReportSpool spool = new ReportSpool(dir.resolve("spool"));
    spool.put(OutboxReports.bare("orphan", Optional.empty()));
    Path file;
    try (var files = Files.list(dir.resolve("spool"))) {
      file = files.filter(f -> f.toString().endsWith(".report.json")).findFirst().orElseThrow();
    }
    Path claimed = file.resolveSibling(file.getFileName() + ".claimed");
    Files.move(file, claimed);
    assertThat(spool.size()).isZero();
    Files.setLastModifiedTime(claimed, FileTime.from(Instant.now().minusSeconds(3600)));
    assertThat(spool.size()).isEqualTo(1);
  }
}
