package dev.thingyan.bootstrap;

import dev.thingyan.ports.model.RunEvent;
import dev.thingyan.ports.model.RunId;
import dev.thingyan.ports.model.RunState;
import dev.thingyan.ports.out.RunListener;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The spec's metrics events ({@code metrics.system.update.started} …) as SLF4J log events, one per
 * state change that marks them; a log pipeline counts them.
 */
final class MetricsListener implements RunListener {

  private static final Logger LOG = LoggerFactory.getLogger("thingyan.metrics");
  private final Map<RunId, RunState> last = new ConcurrentHashMap<>();

  @Override
  public void onEvent(RunEvent e) {
    RunState previous = last.put(e.runId(), e.state());
    if (previous == e.state()) {
      return;
    }
    String name = metric(previous, e.state());
    if (name != null) {
      LOG.info("{} run_id={} state={}", name, e.runId(), e.state().wireName());
    }
    if (e.state().isEnding()) {
      last.remove(e.runId());
    }
  }

  private static String metric(RunState from, RunState to) {
    switch (to) {
      case CHECKING: return "metrics.system.update.started";
      case COMPLETED: return from == RunState.ROLLBACK_RUNNING
          ? "metrics.system.rollback.completed" : "metrics.system.update.completed";
      case DOWNLOADING: return "metrics.system.backup.completed";
      case FAILED: return "metrics.system.rollback.completed";
      case PRECHECK_FAILED:
      case BACKUP_FAILED:
      case ROLLBACK_FAILED: return "metrics.system.update.failed";
      default: return null;
    }
  }
}
