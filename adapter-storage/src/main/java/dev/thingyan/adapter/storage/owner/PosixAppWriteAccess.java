package dev.thingyan.adapter.storage.owner;

import dev.thingyan.ports.model.AccessCheckResult;
import dev.thingyan.ports.out.AppWriteAccess;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Finds what the app user cannot write under the app's writable paths, by the POSIX permission
 * bits and the user's groups (the check runs as whoever runs thingyan, often root, for whom
 * {@code access(2)} would say yes to everything). A folder must also be searchable. ACLs are not
 * read: a path they open up is reported anyway, which errs on the side of telling.
 */
public final class PosixAppWriteAccess implements AppWriteAccess {
  static final int EXAMPLES = 3;

  private final AppUser user;
  private final List<String> writablePaths;

  /** @param writablePaths relative paths the app writes, e.g. {@code storage}, {@code bootstrap/cache} */
  public PosixAppWriteAccess(AppUser user, List<String> writablePaths) {
    this.user = Objects.requireNonNull(user, "user");
    this.writablePaths = List.copyOf(writablePaths);
  }

  @Override
  public AccessCheckResult check(Path base) {
    List<String> problems = new ArrayList<>();
    List<String> fixes = new ArrayList<>();
    List<String> checked = new ArrayList<>();
    for (String relative : writablePaths) {
      Path path = base.resolve(relative);
      if (!Files.exists(path)) {
        continue;
      }
      Path real;
      try {
        real = path.toRealPath(); // storage in a release is a link into shared/
      } catch (IOException e) {
        continue;
      }
      checked.add(relative);
      Found found = unwritable(real);
      if (found.count > 0) {
        problems.add(found.count + " path(s) under " + real + " that " + user.name()
            + " cannot write, e.g. " + String.join(", ", found.examples));
        fixes.add("chown -R " + user.owner() + " " + real);
      }
    }
    if (problems.isEmpty()) {
      return AccessCheckResult.ok(checked.isEmpty() ? "nothing to check under " + base
          : user.name() + " can write " + String.join(", ", checked) + " under " + base);
    }
    return AccessCheckResult.missing(String.join("; ", problems), fixes);
  }

  private Found unwritable(Path root) {
    Found found = new Found();
    if (user.isRoot()) {
      return found;
    }
    try {
      Files.walkFileTree(root, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
          if (!allowed(dir, true)) {
            found.add(root, dir, owner(dir));
          }
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
          if (attrs.isRegularFile() && !allowed(file, false)) {
            found.add(root, file, owner(file));
          }
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) {
          found.add(root, file, "unreadable");
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      found.add(root, root, e.getMessage());
    }
    return found;
  }

  private boolean allowed(Path path, boolean folder) throws IOException {
    PosixFileAttributes a = Files.readAttributes(path, PosixFileAttributes.class,
        LinkOption.NOFOLLOW_LINKS);
    int uid = (Integer) Files.getAttribute(path, "unix:uid", LinkOption.NOFOLLOW_LINKS);
    int gid = (Integer) Files.getAttribute(path, "unix:gid", LinkOption.NOFOLLOW_LINKS);
    var p = a.permissions();
    if (uid == user.uid()) {
      return p.contains(PosixFilePermission.OWNER_WRITE)
          && (!folder || p.contains(PosixFilePermission.OWNER_EXECUTE));
    }
    if (gid == user.gid() || user.groups().contains(gid)) {
      return p.contains(PosixFilePermission.GROUP_WRITE)
          && (!folder || p.contains(PosixFilePermission.GROUP_EXECUTE));
    }
    return p.contains(PosixFilePermission.OTHERS_WRITE)
        && (!folder || p.contains(PosixFilePermission.OTHERS_EXECUTE));
  }

  private static String owner(Path path) throws IOException {
    PosixFileAttributes a = Files.readAttributes(path, PosixFileAttributes.class,
        LinkOption.NOFOLLOW_LINKS);
    return a.owner().getName() + ":" + a.group().getName();
  }

  private static final class Found {
    int count;
    final List<String> examples = new ArrayList<>();

    void add(Path root, Path path, String why) {
      count++;
      if (examples.size() < EXAMPLES) {
        Path shown = root.getParent() == null ? path : root.getParent().relativize(path);
        examples.add(shown + " (" + why + ")");
      }
    }
  }
}
