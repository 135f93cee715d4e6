package dev.thingyan.adapter.jdbc.journal;

import com.zaxxer.hikari.HikariDataSource;
import dev.thingyan.adapter.jdbc.ConnectionSettings;
import dev.thingyan.adapter.jdbc.DataSources;
import dev.thingyan.ports.out.ReportOutbox;
import java.time.Instant;

/**
 * A process that enqueues reports into an H2 journal file and is killed the moment the last
 * enqueue returns (no pool close, no H2 shutdown), started by {@link H2OutboxKillTest}.
 */
public final class H2EnqueueThenHalt {

  private H2EnqueueThenHalt() {}

  public static void main(String[] args) {
    HikariDataSource ds = DataSources.journalPool(new ConnectionSettings(args[0], "sa", ""));
    ReportOutbox outbox = JournalDatabase.open(ds).reportOutbox();
    int count = Integer.parseInt(args[1]);
    long last = 0;
    for (int i = 0; i < count; i++) {
      last = outbox.enqueue(OutboxReports.FP_A, OutboxReports.typical(), Instant.now());
    }
    System.out.println("last=" + last);
    System.out.flush();
    Runtime.getRuntime().halt(0);
  }
}
