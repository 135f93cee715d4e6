package com.example.pms;

import dev.thingyan.bootstrap.ThingyanBuilder;
import dev.thingyan.bootstrap.ThingyanSystem;
import dev.thingyan.bootstrap.config.ThingyanConfig;
import dev.thingyan.ports.error.ThingyanException;
import dev.thingyan.ports.in.UpdateRequest;
import dev.thingyan.ports.model.Actor;
import dev.thingyan.ports.model.Run;
import dev.thingyan.ports.model.RunEvent;
import dev.thingyan.ports.model.RunId;
import dev.thingyan.ports.model.RunOptions;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The minimal host of docs/embedding.md: the PMS builds thingyan once at start-up with its own
 * DataSource (thingyan's journal tables go into the PMS database) and closes it at shutdown.
 */
public final class PmsUpdater implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(PmsUpdater.class);
  private final ThingyanSystem thingyan;

  /** @throws ThingyanException when the configuration is refused or the journal cannot open */
  public PmsUpdater(ThingyanConfig config, DataSource pmsDatabase) {
    this.thingyan = ThingyanBuilder.from(config).journal(pmsDatabase).build();
    thingyan.recoverRuns().recover(); // a run cut short by the last shutdown ends first
    thingyan.startReportWorker();
  }

  /** Runs an update to its end (an admin's "update now" button that waits). */
  public Run updateNow(String admin) {
    return thingyan.applyUpdate().apply(
        new UpdateRequest(new Actor("user:" + admin), Optional.empty(), RunOptions.DEFAULT));
  }

  /** Starts an update and returns at once: the UI polls {@link #eventsAfter}. */
  public RunId startUpdate(String admin) {
    return thingyan.startUpdate().start(
        new UpdateRequest(new Actor("user:" + admin), Optional.empty(), RunOptions.DEFAULT));
  }

  public List<RunEvent> eventsAfter(RunId run, long seq) {
    return thingyan.watchRuns().events(run, seq, 200);
  }

  public Optional<Run> run(RunId id) {
    return thingyan.queryRuns().run(id).map(d -> d.run());
  }

  @Override
  public void close() {
    LOG.info("closing thingyan");
    thingyan.close();
  }
}
