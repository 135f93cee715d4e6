package dev.thingyan.adapter.storage.owner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.thingyan.adapter.storage.command.ShellCommandRunner;
import dev.thingyan.ports.model.AccessCheckResult;
import dev.thingyan.ports.model.CommandResult;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hooks as the app user, for real: this test process runs as root (as thingyan does when it is
 * installed that way) and switches to www-data, which Debian has.
 */
class AppUserOwnershipTest {
  @TempDir Path tmp;
  private AppUser wwwData;
  private AppUser self;

  @BeforeEach
  void users() throws IOException {
    self = AppUser.current();
    assumeTrue(self.isRoot(), "these tests switch users, which needs root");
    wwwData = AppUser.lookup("www-data", Optional.empty());
    // www-data must reach the temporary folder, as it reaches /srv/pms
    for (Path p = tmp; p != null; p = p.getParent()) {
      if (p.equals(tmp)) Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
  }

  @Test
  void theUserIsReadFromTheSystem() {
    assertThat(wwwData.uid()).isEqualTo(33);
    assertThat(wwwData.owner()).isEqualTo("www-data:www-data");
    assertThat(wwwData.home()).isEqualTo(Path.of("/var/www"));
    assertThatThrownBy(() -> AppUser.lookup("ops-no-such-user", Optional.empty()))
        .hasMessageContaining("app.user: there is no user 'ops-no-such-user'");
    assertThatThrownBy(() -> AppUser.lookup("www-data", Optional.of("ops-no-such-group")))
        .hasMessageContaining("app.group: there is no group 'ops-no-such-group'");
  }

  @Test
  void aHookRunsAsTheAppUserWithItsHomeAndTheThingyanVariables() throws IOException {
    Path dir = Files.createDirectory(tmp.resolve("release"));
    Files.setOwner(dir, FileSystems.getDefault().getUserPrincipalLookupService().lookupPrincipalByName("www-data"));
    List<String> out = new ArrayList<>();

    CommandResult r = ShellCommandRunner.runningAs(wwwData, self).run(
        "id -un; echo \"$HOME $USER $THINGYAN_PHASE\"; touch compiled.php",
        dir, Map.of("THINGYAN_PHASE", "warm"), Duration.ofSeconds(20), (err, line) -> out.add(line));

    assertThat(r.succeeded()).as(out.toString()).isTrue();
    assertThat(out).containsExactly("www-data", "/var/www www-data warm");
    assertThat(Files.getOwner(dir.resolve("compiled.php")).getName()).isEqualTo("www-data");
  }

  @Test
  void aServiceHookKeepsThingyansOwnUserWhileAppHooksSwitch() throws IOException {
    Path dir = Files.createDirectory(tmp.resolve("reload"));
    var runner = ShellCommandRunner.runningAs(wwwData, self);
    List<String> out = new ArrayList<>();

    CommandResult app = runner.run("id -un", dir, Map.of(), Duration.ofSeconds(20), (err, line) -> out.add(line));
    CommandResult service = runner.asSelf().run("id -un", dir, Map.of(), Duration.ofSeconds(20),
        (err, line) -> out.add(line));

    assertThat(app.succeeded() && service.succeeded()).as(out.toString()).isTrue();
    assertThat(out).containsExactly("www-data", self.name());
  }

  @Test
  void aTimedOutHookAsTheAppUserIsKilledWithItsChildren() throws Exception {
    Path dir = Files.createDirectory(tmp.resolve("slow"));
    long start = System.nanoTime();

    CommandResult r = ShellCommandRunner.runningAs(wwwData, self).run(
        "sleep 30 & sleep 30; wait", dir, Map.of(), Duration.ofSeconds(1), (err, line) -> {});

    assertThat(r.timedOut()).isTrue();
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    Thread.sleep(300);
    assertThat(ProcessHandle.allProcesses().filter(p -> p.info().commandLine()
        .map(c -> c.equals("sleep 30")).orElse(false)
        && p.info().user().map("www-data"::equals).orElse(false)).count()).isZero();
  }

  @Test
  void anotherUserThanRootCannotSwitchAndIsToldWhatToDo() {
    AppUser someone = new AppUser("pms", 1234, "pms", 1234, Set.of(1234), Path.of("/home/pms"));

    assertThatThrownBy(() -> ShellCommandRunner.runningAs(wwwData, someone))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("thingyan runs as 'pms', not root")
        .hasMessageContaining("run thingyan as root or as www-data");
    // running as the app user already needs no switch
    assertThat(ShellCommandRunner.runningAs(someone, someone)).isNotNull();
  }

  @Test
  void aRootOwnedCompiledViewIsFoundWithTheChownThatFixesIt() throws Exception {
    Path storage = Files.createDirectories(tmp.resolve("shared/storage/framework/views"))
        .getParent().getParent();
    Ownership own = new Ownership(wwwData, FileSystems.getDefault().getUserPrincipalLookupService());
    own.giveTree(storage);
    PosixAppWriteAccess access = new PosixAppWriteAccess(wwwData, List.of("storage", "bootstrap/cache"));
    assertThat(access.check(tmp.resolve("shared")).ok()).isTrue();
    // what `php artisan view:cache` run as root leaves behind
    Files.writeString(storage.resolve("framework/views/0a1b.php"), "<?php");

    AccessCheckResult r = access.check(tmp.resolve("shared"));

    assertThat(r.ok()).isFalse();
    assertThat(r.detail()).contains("1 path(s) under " + storage + " that www-data cannot write")
        .contains("storage/framework/views/0a1b.php (root:root)");
    assertThat(r.fixes()).containsExactly("chown -R www-data:www-data " + storage);
    Process chown = new ProcessBuilder("sh", "-c", r.fixes().get(0)).inheritIO().start();
    assertThat(chown.waitFor()).isZero();
    assertThat(access.check(tmp.resolve("shared")).ok()).isTrue();
  }

  @Test
  void theReleaseIsCheckedThroughItsLinkIntoShared() throws Exception {
    Path shared = Files.createDirectories(tmp.resolve("shared/storage"));
    Path release = Files.createDirectories(tmp.resolve("releases/1/bootstrap/cache")).getParent().getParent();
    Files.createSymbolicLink(release.resolve("storage"), Path.of("../../shared/storage"));
    Ownership own = new Ownership(wwwData, FileSystems.getDefault().getUserPrincipalLookupService());
    own.giveTree(shared);
    PosixAppWriteAccess access = new PosixAppWriteAccess(wwwData, List.of("storage", "bootstrap/cache"));

    AccessCheckResult r = access.check(release);

    assertThat(r.ok()).isFalse();
    assertThat(r.fixes()).containsExactly("chown -R www-data:www-data " + release.resolve("bootstrap/cache"));
    own.giveTree(release);
    assertThat(Files.getOwner(release.resolve("storage"), LinkOption.NOFOLLOW_LINKS).getName())
        .isEqualTo("www-data");
    assertThat(access.check(release).ok()).as(access.check(release).detail()).isTrue();
  }
}
