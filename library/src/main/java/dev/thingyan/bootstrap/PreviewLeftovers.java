package dev.thingyan.bootstrap;

import dev.thingyan.ports.out.CommandRunner;
import dev.thingyan.ports.out.PreviewServer;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Serves nothing: removes what a preview of another configuration left after a crash (the link,
 * a recorded throwaway server), so that turning the preview off, or changing its mode, between a
 * crash and the next start does not leave either behind.
 */
final class PreviewLeftovers implements PreviewServer {
  private final List<PreviewServer> kinds;

  PreviewLeftovers(List<PreviewServer> kinds) {
    this.kinds = List.copyOf(kinds);
  }

  @Override
  public URI start(Path releaseDir, CommandRunner.OutputSink log) {
    throw new UnsupportedOperationException("the preview is off");
  }

  @Override
  public List<String> stop() {
    List<String> removed = new ArrayList<>();
    kinds.forEach(k -> removed.addAll(k.stop()));
    return removed;
  }

  @Override
  public String describe() {
    return "no preview (removing what an earlier one left)";
  }

  @Override
  public boolean serves() {
    return false;
  }
}
