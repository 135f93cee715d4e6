package dev.thingyan.adapter.storage.release;

import dev.thingyan.ports.model.ExtractionLimits;
import dev.thingyan.ports.model.ExtractionResult;
import dev.thingyan.ports.out.UnsafeArchiveException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Extracts a release package into an empty staging folder in two passes over the archive: a survey
 * (limits, top folder) and the extraction (rules, writes). When anything is refused or fails, the
 * staging folder is emptied and left in place: it is the caller's (the run journal names it), and
 * {@code discard} removes it.
 */
final class SafeExtractor {
  private static final Logger LOG = LoggerFactory.getLogger(SafeExtractor.class);

  ExtractionResult extract(Path archive, Path staging, ExtractionLimits limits) {
    requireEmptyFolder(staging);
    ArchiveReader reader = reader(archive);
    try {
      ArchiveSurvey survey = new ArchiveSurvey(limits);
      reader.read(survey);
      Optional<String> top = survey.topFolder();
      ReleaseExtraction extraction = new ReleaseExtraction(staging, limits, top);
      reader.read(extraction);
      ExtractionResult result = extraction.result();
      LOG.info("extracted {} into {}: {} files, {} folders, {} links, {} bytes{}",
          archive.getFileName(), staging, result.files(), result.directories(), result.links(),
          result.bytes(), top.map(t -> " (top folder " + t + "/ stripped)").orElse(""));
      return result;
    } catch (UnsafeArchiveException e) {
      emptyAfterFailure(staging);
      LOG.warn("refused {}: {}", archive.getFileName(), e.getMessage());
      throw new UnsafeArchiveException("Refused the release package " + archive.getFileName() + ": "
          + e.getMessage() + ". Nothing of it was kept. A release package may hold only files, "
          + "folders and links that stay inside it, within the size limits; check where it came "
          + "from and rebuild it.", e);
    } catch (IOException e) {
      emptyAfterFailure(staging);
      throw new UnsafeArchiveException("Could not read the release package " + archive.getFileName()
          + " (" + e.getMessage() + "): it is damaged or incomplete. Download it again.", e);
    } catch (RuntimeException e) {
      emptyAfterFailure(staging);
      throw e;
    }
  }

  private static ArchiveReader reader(Path archive) {
    try {
      return ArchiveFormat.detect(archive).orElseThrow(() -> new UnsafeArchiveException(
          "The release package " + archive.getFileName() + " is neither a .tar.gz nor a .zip "
              + "(judged by its content, not its name); publish the app as one of those."))
          .reader(archive);
    } catch (IOException e) {
      throw new UncheckedIOException("could not read " + archive + ": " + e.getMessage(), e);
    }
  }

  private static void requireEmptyFolder(Path staging) {
    if (!Files.isDirectory(staging, LinkOption.NOFOLLOW_LINKS)) {
      throw new IllegalArgumentException(
          staging + " is not a folder; create it with prepareStaging");
    }
    try (Stream<Path> children = Files.list(staging)) {
      if (children.findAny().isPresent()) {
        throw new IllegalArgumentException(staging + " is not empty; extract only into a freshly "
            + "prepared staging folder (discard this one and prepare another)");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not list " + staging + ": " + e.getMessage(), e);
    }
  }

  private static void emptyAfterFailure(Path staging) {
    try {
      Trees.deleteContents(staging);
    } catch (IOException e) {
      LOG.error("could not empty {} after a failed extraction ({}); delete it by hand", staging,
          e.getMessage());
    }
  }
}
