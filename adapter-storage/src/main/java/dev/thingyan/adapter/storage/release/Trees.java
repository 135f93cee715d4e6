package dev.thingyan.adapter.storage.release;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Folder-tree operations that never follow a symbolic link: a release may hold links (its own, or
 * the shared ones), and deleting or copying through one would reach outside the release.
 */
final class Trees {
  private Trees() {}

  /** Deletes {@code path} and all it holds; a link is removed, not followed. */
  static void delete(Path path) throws IOException {
    if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    deleteContents(path);
    Files.deleteIfExists(path);
  }

  /** Empties a real folder, leaving the folder itself; does nothing for a link or a file. */
  static void deleteContents(Path dir) throws IOException {
    if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    // walkFileTree does not follow links unless FOLLOW_LINKS is given: a link is visited as a file
    Files.walkFileTree(dir, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        Files.deleteIfExists(file);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
        if (e instanceof NoSuchFileException) {
          return FileVisitResult.CONTINUE;
        }
        throw e;
      }

      @Override
      public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
        if (e != null) {
          throw e;
        }
        if (!d.equals(dir)) {
          Files.deleteIfExists(d);
        }
        return FileVisitResult.CONTINUE;
      }
    });
  }

  /** Copies a file, a link (as a link) or a folder tree to {@code target}, which must not exist. */
  static void copy(Path source, Path target) throws IOException {
    Files.walkFileTree(source, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs)
          throws IOException {
        Files.copy(d, target.resolve(source.relativize(d).toString()),
            StandardCopyOption.COPY_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        Path to = source.equals(file) ? target : target.resolve(source.relativize(file).toString());
        Files.copy(file, to, StandardCopyOption.COPY_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
        return FileVisitResult.CONTINUE;
      }
    });
  }

  /**
   * Creates the folders of {@code relative} under {@code base} one by one, refusing to pass
   * through a link or a file: what is written below must land in a real folder of the release.
   *
   * @return how many folders were created
   * @throws NotARealFolderException naming the link or file in the way
   */
  static int realDirectories(Path base, Path relative) throws IOException {
    int created = 0;
    Path dir = base;
    for (Path segment : relative) {
      dir = dir.resolve(segment.toString());
      if (Files.isSymbolicLink(dir)) {
        throw new NotARealFolderException(
            "'" + base.relativize(dir) + "', which is a symbolic link");
      }
      if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
        Files.createDirectory(dir);
        created++;
      } else if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
        throw new NotARealFolderException("'" + base.relativize(dir) + "', which is a file");
      }
    }
    return created;
  }

  /** A path that had to be a real folder is a link or a file. */
  static final class NotARealFolderException extends IOException {
    private static final long serialVersionUID = 1L;

    NotARealFolderException(String message) {
      super(message);
    }
  }
}
