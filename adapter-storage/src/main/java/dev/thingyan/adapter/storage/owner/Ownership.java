package dev.thingyan.adapter.storage.owner;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.Objects;

/**
 * Gives files to the app user ({@code app.user}/{@code app.group}): a release folder once it is
 * extracted, the shared paths. Links are changed themselves ({@code lchown}), never followed: a
 * link in a release must not hand a file outside it to anyone.
 */
public final class Ownership {
  private final AppUser user;
  private final UserPrincipal owner;
  private final GroupPrincipal group;

  public Ownership(AppUser user, UserPrincipalLookupService lookup) {
    this.user = Objects.requireNonNull(user, "user");
    try {
      this.owner = lookup.lookupPrincipalByName(user.name());
      this.group = lookup.lookupPrincipalByGroupName(user.group());
    } catch (IOException e) {
      throw new IllegalArgumentException("app.user: cannot look up " + user.owner() + " ("
          + e.getMessage() + ")", e);
    }
  }

  public AppUser user() {
    return user;
  }

  /** Gives {@code path} and everything under it to the app user. */
  public void giveTree(Path path) throws IOException {
    if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    Files.walkFileTree(path, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
        give(dir);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        give(file);
        return FileVisitResult.CONTINUE;
      }
    });
  }

  /** Gives {@code path} alone (a link itself, not its target). */
  public void give(Path path) throws IOException {
    PosixFileAttributeView view = Files.getFileAttributeView(path, PosixFileAttributeView.class,
        LinkOption.NOFOLLOW_LINKS);
    var attrs = view.readAttributes();
    if (!attrs.owner().equals(owner)) {
      view.setOwner(owner);
    }
    if (!attrs.group().equals(group)) {
      view.setGroup(group);
    }
  }
}
