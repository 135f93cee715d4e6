package dev.thingyan.adapter.storage.release;

import dev.thingyan.adapter.storage.release.ArchiveEntry.Kind;
import dev.thingyan.ports.model.ExtractionLimits;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;

/**
 * The first pass over an archive, before anything is written: counts entries and declared sizes
 * against the limits (so an honest oversized archive is refused without filling the disk), and
 * finds the single top-level folder to strip. The entries' names are judged in the second pass;
 * a name this pass cannot read just means there is nothing to strip.
 */
final class ArchiveSurvey implements ArchiveReader.EntryVisitor {
  private final ExtractionLimits limits;
  private int entries;
  private long declaredTotal;
  private String top;
  private boolean singleTop = true;

  ArchiveSurvey(ExtractionLimits limits) {
    this.limits = limits;
  }

  @Override
  public void visit(ArchiveEntry entry, InputStream content) {
    if (++entries > limits.maxEntries()) {
      throw Refusals.entry(entry, "is entry number " + entries + ", over the limit of "
          + limits.maxEntries() + " entries");
    }
    if (entry.kind() == Kind.FILE) {
      Refusals.checkSize(entry, entry.declaredSize(), limits.maxEntryBytes(), "declares");
      declaredTotal += Math.max(0, entry.declaredSize());
      Refusals.checkTotal(entry, declaredTotal, limits.maxTotalBytes(), "declared");
    }
    noteTopFolder(entry);
  }

  private void noteTopFolder(ArchiveEntry entry) {
    List<String> segments;
    try {
      segments = PathRules.segments(entry.name());
    } catch (IllegalArgumentException e) {
      singleTop = false;
      return;
    }
    if (segments.isEmpty()) {
      return; // "./": the archive's root itself
    }
    if (top == null) {
      top = segments.get(0);
    } else if (!top.equals(segments.get(0))) {
      singleTop = false;
    }
    if (segments.size() == 1 && entry.kind() != Kind.DIRECTORY) {
      singleTop = false; // the only top-level entry is a file or link: keep it
    }
  }

  /** @return the folder every entry sits under (e.g. {@code app-1.2.0}), if there is one. */
  Optional<String> topFolder() {
    return singleTop ? Optional.ofNullable(top) : Optional.empty();
  }
}
