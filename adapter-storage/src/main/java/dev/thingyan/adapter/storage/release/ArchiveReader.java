package dev.thingyan.adapter.storage.release;

import java.io.IOException;
import java.io.InputStream;

/** Reads an archive's entries in order, with each file's content. */
interface ArchiveReader {

  /**
   * Calls {@code visitor} for each entry. An {@link IOException} from the archive itself means it
   * is damaged or not of this format.
   */
  void read(EntryVisitor visitor) throws IOException;

  /** Receives an entry; {@code content} is the file's bytes and is valid only during the call. */
  @FunctionalInterface
  interface EntryVisitor {
    void visit(ArchiveEntry entry, InputStream content) throws IOException;
  }
}
