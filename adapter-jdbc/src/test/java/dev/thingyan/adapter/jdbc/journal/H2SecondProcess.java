package dev.thingyan.adapter.jdbc.journal;

import com.zaxxer.hikari.HikariDataSource;
import dev.thingyan.adapter.jdbc.ConnectionSettings;
import dev.thingyan.adapter.jdbc.DataSources;
import dev.thingyan.ports.model.Actor;
import dev.thingyan.ports.model.AuditEvent;
import dev.thingyan.ports.model.LockHolder;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * A second process on the same H2 file (a CLI beside the running server), started by {@link
 * H2SharedFileTest}: it reports what it sees and writes an audit row.
 */
public final class H2SecondProcess {

  private H2SecondProcess() {}

  public static void main(String[] args) {
    try (HikariDataSource ds = DataSources.journalPool(new ConnectionSettings(args[0], "sa", ""))) {
      JournalDatabase journal = JournalDatabase.open(ds);
      System.out.println("holder=" + journal.runLock().holder().map(LockHolder::pid).orElse(-1L));
      Instant now = Instant.now();
      LockHolder me =
          new LockHolder(
              ProcessHandle.current().pid(), "cli", "boot", now, now.plus(Duration.ofMinutes(1)));
      System.out.println("acquired=" + journal.runLock().tryAcquire(me, Optional.empty()));
      journal
          .auditTrail()
          .record(
              new AuditEvent(
                  "test.second_process",
                  new Actor("cli:test"),
                  now,
                  Map.of("pid", Long.toString(me.pid()))));
      System.out.println("done");
    }
  }
}
