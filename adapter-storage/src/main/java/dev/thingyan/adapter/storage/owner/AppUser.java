package dev.thingyan.adapter.storage.owner;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The system user the app runs as (PHP-FPM's {@code www-data} on Debian), as the operating system
 * knows it: ids, supplementary groups and home folder, read with {@code id} and {@code getent}, so
 * that NSS users (LDAP, systemd's) are found as well as {@code /etc/passwd} ones.
 *
 * @param group the group files are given to ({@code app.group}, else the user's primary group)
 */
public record AppUser(String name, int uid, String group, int gid, Set<Integer> groups, Path home) {

  public AppUser {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(group, "group");
    groups = Set.copyOf(groups);
    Objects.requireNonNull(home, "home");
  }

  /** @return true for root, who may write anything and switch to anyone. */
  public boolean isRoot() {
    return uid == 0;
  }

  /** @return {@code user:group}, as {@code chown} takes it. */
  public String owner() {
    return name + ":" + group;
  }

  /**
   * @param group empty for the user's primary group
   * @throws IllegalArgumentException naming what does not exist
   */
  public static AppUser lookup(String user, Optional<String> group) {
    Optional<String> uid = id("-u", user);
    if (uid.isEmpty()) {
      throw new IllegalArgumentException("app.user: there is no user '" + user
          + "' on this system; give the user PHP-FPM or the app runs as, e.g. www-data");
    }
    int gid;
    String groupName;
    if (group.isPresent()) {
      Optional<String[]> entry = getent("group", group.get());
      if (entry.isEmpty() || entry.get().length < 3) {
        throw new IllegalArgumentException("app.group: there is no group '" + group.get()
            + "' on this system; e.g. www-data");
      }
      groupName = group.get();
      gid = Integer.parseInt(entry.get()[2]);
    } else {
      gid = Integer.parseInt(id("-g", user).orElseThrow());
      groupName = id("-gn", user).orElseThrow();
    }
    Set<Integer> groups = Arrays.stream(id("-G", user).orElse("").split("\\s+"))
        .filter(s -> !s.isEmpty()).map(Integer::valueOf).collect(Collectors.toSet());
    Path home = getent("passwd", user).filter(f -> f.length > 5).map(f -> Path.of(f[5]))
        .orElse(Path.of("/"));
    return new AppUser(user, Integer.parseInt(uid.get()), groupName, gid, groups, home);
  }

  /** @return the user this process runs as. */
  public static AppUser current() {
    String name = id("-un", null).orElseThrow(() -> new IllegalStateException(
        "could not tell which user this process runs as (`id -un` failed)"));
    return lookup(name, Optional.empty());
  }

  private static Optional<String> id(String option, String user) {
    return run(user == null ? List.of("id", option) : List.of("id", option, user));
  }

  private static Optional<String[]> getent(String database, String key) {
    return run(List.of("getent", database, key)).map(line -> line.split(":", -1));
  }

  private static Optional<String> run(List<String> command) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(false)
          .redirectError(ProcessBuilder.Redirect.DISCARD).start();
      p.getOutputStream().close();
      String out;
      try (InputStream in = p.getInputStream()) {
        out = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
      }
      if (!p.waitFor(10, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return Optional.empty();
      }
      return p.exitValue() == 0 && !out.isEmpty() ? Optional.of(out.lines().findFirst().orElse(""))
          : Optional.empty();
    } catch (IOException e) {
      throw new IllegalStateException("could not run " + command.get(0) + " (" + e.getMessage()
          + "); it is part of coreutils / libc-bin", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }
}
