package dev.thingyan.adapter.jdbc.journal;

import java.util.logging.Level;
import liquibase.logging.Logger;
import liquibase.logging.core.AbstractLogService;
import liquibase.logging.core.AbstractLogger;
import org.slf4j.LoggerFactory;

/**
 * Sends Liquibase's log to SLF4J, so the host's logging configuration decides what shows, instead
 * of java.util.logging printing every changeset to the console of a CLI.
 */
final class LiquibaseSlf4j extends AbstractLogService {

  @Override
  public int getPriority() {
    return PRIORITY_SPECIALIZED;
  }

  @Override
  @SuppressWarnings("rawtypes") // Liquibase's interface declares the raw type
  public Logger getLog(Class clazz) {
    return new Slf4jLogger(LoggerFactory.getLogger(clazz));
  }

  /** One Liquibase logger writing to an SLF4J logger; Liquibase's INFO chatter goes to DEBUG. */
  private static final class Slf4jLogger extends AbstractLogger {
    private final org.slf4j.Logger log;

    Slf4jLogger(org.slf4j.Logger log) {
      this.log = log;
    }

    @Override
    public void close() {
      // SLF4J loggers hold nothing to release
    }

    @Override
    public void log(Level level, String message, Throwable e) {
      if (level == Level.OFF) {
        return; // Liquibase's way of saying "do not log this" (e.g. its analytics notes)
      }
      int value = level == null ? Level.FINE.intValue() : level.intValue();
      if (value >= Level.SEVERE.intValue()) {
        log.error(message, e);
      } else if (value >= Level.WARNING.intValue()) {
        log.warn(message, e);
      } else {
        log.debug(message, e);
      }
    }
  }
}
