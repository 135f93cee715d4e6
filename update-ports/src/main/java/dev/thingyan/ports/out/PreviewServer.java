package dev.thingyan.ports.out;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;

/**
 * Serves a staged release privately, on a loopback address, so that the health checks can ask it
 * before one production request reaches it (the preview at the start of {@code health_check},
 * before the swap). Two ways exist: through the production web server (a loopback-only site whose
 * root goes through {@code <app_root>/.thingyan/preview}, which {@link #start} points at the
 * release: the same PHP-FPM pool and settings, the faithful check), or a throwaway server started
 * by a command (e.g. {@code php -S 127.0.0.1:{port} -t {release}/public}).
 *
 * <p>Whatever {@link #start} creates is recorded durably before it exists (the link is its own
 * record; a server's port and command are written before it starts), so that {@link #stop} can
 * remove it after this process was killed: start-up recovery calls it for an unfinished run.
 */
public interface PreviewServer {

  /**
   * Serves {@code releaseDir} and waits until it accepts connections.
   *
   * @param log told what the server prints and what was done, a line at a time
   * @return the origin ({@code scheme://host:port}) the HTTP health checks are sent to instead of
   *     their configured one; the checks keep their paths, queries and headers
   * @throws RuntimeException when the release cannot be served (the server exited or did not
   *     listen in time); the message says why, and what was started is already stopped
   */
  URI start(Path releaseDir, CommandRunner.OutputSink log);

  /**
   * Removes the preview link, or stops the throwaway server with every process it started,
   * whether this process or an earlier, killed one started it. Idempotent.
   *
   * @return what was removed or stopped, one line each; empty when nothing was there
   */
  List<String> stop();

  /** @return how the preview is served, for the log, e.g. {@code nginx site http://127.0.0.1:8081}. */
  String describe();

  /**
   * @return false for a server that only removes what an earlier configuration left (the
   *     preview is now off, or served another way): the run has no preview, but start-up
   *     recovery still calls {@link #stop()} after a crash in one
   */
  default boolean serves() {
    return true;
  }
}
