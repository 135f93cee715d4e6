package dev.thingyan.adapter.storage.release;

import dev.thingyan.ports.model.ExtractionLimits;
import dev.thingyan.ports.model.ExtractionResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.Normalizer;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The second pass: judges each entry by the path rules and writes it into the staging folder.
 * Nothing is written through a link: every parent must be a real folder and files are created
 * new, never opened if something (a link) is already there. Sizes are counted on the bytes
 * actually read, so a header that understates its size gets no further than the limit.
 */
final class ReleaseExtraction implements ArchiveReader.EntryVisitor {
  private static final String FILE_MODE = "rw-r--r--";
  private static final String EXEC_MODE = "rwxr-xr-x";

  private final Path staging;
  private final ExtractionLimits limits;
  private final Optional<String> strip;
  private final Set<String> regularFiles = new HashSet<>();
  private final Set<String> seen = new HashSet<>();
  private final byte[] buffer = new byte[1 << 16];
  private int entries;
  private int files;
  private int directories;
  private int links;
  private long bytes;

  ReleaseExtraction(Path staging, ExtractionLimits limits, Optional<String> strip) {
    this.staging = staging;
    this.limits = limits;
    this.strip = strip;
  }

  ExtractionResult result() {
    return new ExtractionResult(files, directories, links, bytes);
  }

  @Override
  public void visit(ArchiveEntry entry, InputStream content) {
    if (++entries > limits.maxEntries()) {
      throw Refusals.entry(entry, "is over the limit of " + limits.maxEntries() + " entries");
    }
    List<String> path = inRelease(entry, entry.name());
    if (entry.kind() == ArchiveEntry.Kind.DIRECTORY && entry.declaredSize() > 0) {
      throw Refusals.entry(entry, "is a folder that carries data");
    }
    if (path.isEmpty()) {
      if (entry.kind() == ArchiveEntry.Kind.DIRECTORY) {
        return; // the archive's root or the stripped top folder
      }
      throw Refusals.entry(entry, "has no name inside the release folder");
    }
    // NFC: two spellings of one name are one file on most file systems a reviewer unpacks onto
    if (!seen.add(Normalizer.normalize(String.join("/", path), Normalizer.Form.NFC))) {
      throw Refusals.entry(entry, "appears twice in the archive (after normalising its name)");
    }
    try {
      switch (entry.kind()) {
        case FILE -> writeFile(entry, path, content);
        case DIRECTORY -> directories += folders(entry, path);
        case SYMLINK -> writeSymlink(entry, path);
        case HARDLINK -> writeHardLink(entry, path);
        case SPECIAL -> throw Refusals.entry(entry, "is a " + entry.special()
            + "; a release may hold only files, folders and links");
      }
    } catch (FileAlreadyExistsException e) {
      throw Refusals.entry(entry, "appears twice in the archive (or collides with a link)");
    } catch (IOException e) {
      throw new UncheckedIOException("could not write " + staging.resolve(String.join("/", path))
          + ": " + e.getMessage(), e);
    }
  }

  /** @return the entry's path inside the release: checked by the rules, top folder stripped. */
  private List<String> inRelease(ArchiveEntry entry, String name) {
    List<String> segments;
    try {
      segments = PathRules.segments(name);
    } catch (IllegalArgumentException e) {
      boolean target = !name.equals(entry.name());
      throw Refusals.entry(entry, (target ? "is a hard link to '" + Refusals.printable(name)
          + "', which " : "") + e.getMessage());
    }
    if (strip.isPresent() && !segments.isEmpty() && segments.get(0).equals(strip.get())) {
      return segments.subList(1, segments.size());
    }
    return segments;
  }

  private void writeFile(ArchiveEntry entry, List<String> path, InputStream content)
      throws IOException {
    Path file = resolve(entry, path);
    long written = 0;
    try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW,
        StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
      int n;
      while ((n = content.read(buffer)) > 0) {
        written += n;
        bytes += n;
        Refusals.checkSize(entry, written, limits.maxEntryBytes(), "has");
        Refusals.checkTotal(entry, bytes, limits.maxTotalBytes(), "written");
        out.write(buffer, 0, n);
      }
    }
    // normalised: the owner writes, all read; no setuid or world-writable file from an archive
    Files.setPosixFilePermissions(file,
        PosixFilePermissions.fromString(entry.executable() ? EXEC_MODE : FILE_MODE));
    regularFiles.add(String.join("/", path));
    files++;
  }

  private void writeSymlink(ArchiveEntry entry, List<String> path) throws IOException {
    try {
      PathRules.linkTarget(path.subList(0, path.size() - 1), entry.linkTarget());
    } catch (IllegalArgumentException e) {
      throw Refusals.entry(entry, "is a symbolic link to '" + Refusals.printable(entry.linkTarget())
          + "', which " + e.getMessage());
    }
    Files.createSymbolicLink(resolve(entry, path), Path.of(entry.linkTarget()));
    links++;
  }

  private void writeHardLink(ArchiveEntry entry, List<String> path) throws IOException {
    String target = String.join("/", inRelease(entry, entry.linkTarget()));
    if (!regularFiles.contains(target)) {
      throw Refusals.entry(entry, "is a hard link to '" + Refusals.printable(entry.linkTarget())
          + "', which is not a file extracted before it from this archive");
    }
    Files.createLink(resolve(entry, path), staging.resolve(target));
    links++;
  }

  /** @return where the entry goes, once its parent folders exist as real folders. */
  private Path resolve(ArchiveEntry entry, List<String> path) throws IOException {
    directories += folders(entry, path.subList(0, path.size() - 1));
    return staging.resolve(String.join("/", path));
  }

  private int folders(ArchiveEntry entry, List<String> path) throws IOException {
    if (path.isEmpty()) {
      return 0;
    }
    try {
      return Trees.realDirectories(staging, Path.of(String.join("/", path)));
    } catch (Trees.NotARealFolderException e) {
      throw Refusals.entry(entry, "would be written through " + e.getMessage());
    }
  }
}
