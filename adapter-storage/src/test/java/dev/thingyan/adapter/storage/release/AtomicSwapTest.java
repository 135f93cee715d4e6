package dev.thingyan.adapter.storage.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.thingyan.ports.model.Version;
import dev.thingyan.ports.out.FaultPoints;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code current} swap: one rename of a fresh link, never a moment without the link. */
class AtomicSwapTest {
  @TempDir Path tmp;
  private Path root;
  private FileSystemReleaseWorkspace workspace;
  private Path v1;
  private Path v2;

  @BeforeEach
  void setUp() throws IOException {
    root = tmp.resolve("app");
    workspace = new FileSystemReleaseWorkspace(root, FaultPoints.NONE);
    v1 = release("1.0.0", "2025-01-01T00:00:00Z");
    v2 = release("1.1.0", "2025-02-01T00:00:00Z");
  }

  @Test
  void pointsCurrentAtTheReleaseWithARelativeLinkAndLeavesTheOldOneAlone() throws IOException {
    workspace.activate(v1);
    workspace.activate(v2);

    assertThat(Files.readSymbolicLink(root.resolve("current")))
        .isEqualTo(Path.of("releases", v2.getFileName().toString()));
    assertThat(workspace.current().orElseThrow().dir()).isEqualTo(v2);
    assertThat(workspace.current().orElseThrow().version()).contains(Version.parse("1.1.0"));
    assertThat(v1.resolve("index.php")).hasContent("1.0.0");
    assertThat(temporaryLinks()).isEmpty();
  }

  @Test
  void aReaderNeverFindsCurrentMissingDuring500Swaps() throws Exception {
    workspace.activate(v1);
    Path current = root.resolve("current");
    AtomicBoolean done = new AtomicBoolean();
    AtomicLong reads = new AtomicLong();
    List<Throwable> failures = new CopyOnWriteArrayList<>();
    Thread reader = new Thread(() -> {
      while (!done.get()) {
        try {
          Files.readSymbolicLink(current);
          assertThat(current.toRealPath().getParent()).isEqualTo(root.resolve("releases").toRealPath());
          reads.incrementAndGet();
        } catch (IOException | AssertionError e) {
          failures.add(e);
        }
      }
    });
    reader.start();
    for (int i = 0; i < 500; i++) {
      workspace.activate(i % 2 == 0 ? v2 : v1);
    }
    done.set(true);
    reader.join();

    assertThat(failures).isEmpty();
    assertThat(reads.get()).isGreaterThan(500);
    assertThat(workspace.current().orElseThrow().dir()).isEqualTo(v1);
  }

  @Test
  void atTheFaultPointTheNewLinkExistsBesideAnUntouchedCurrent() throws IOException {
    workspace.activate(v1);
    List<String> seen = new CopyOnWriteArrayList<>();
    FaultPoints inspect = point -> {
      seen.add(point + " current=" + readLink(root.resolve("current")) + " tmp=" + temporaryLinks().size());
      throw new IllegalStateException("process killed here");
    };
    FileSystemReleaseWorkspace dying = new FileSystemReleaseWorkspace(root, inspect);

    assertThatThrownBy(() -> dying.activate(v2)).hasMessageContaining("process killed here");

    assertThat(seen).containsExactly("swap:link-created current=releases/" + v1.getFileName() + " tmp=1");
    assertThat(workspace.current().orElseThrow().dir()).isEqualTo(v1);
  }

  @Test
  void removesTemporaryLinksLeftByAKilledSwapButNotAFreshOne() throws IOException {
    Path dead = Files.createSymbolicLink(root.resolve("current.tmp-dead01"), Path.of("releases/x"));
    age(dead, 3600);
    Path fresh = Files.createSymbolicLink(root.resolve("current.tmp-fresh1"), Path.of("releases/y"));

    new FileSystemReleaseWorkspace(root, FaultPoints.NONE);
    assertThat(dead).doesNotExist();
    assertThat(Files.isSymbolicLink(fresh)).isTrue();

    age(fresh, 3600);
    workspace.activate(v1); // before a swap too
    assertThat(temporaryLinks()).isEmpty();
  }

  @Test
  void adoptsAnAbsoluteDeployerLinkAndReplacesItWithARelativeOne() throws IOException {
    Files.createSymbolicLink(root.resolve("current"), v1.toAbsolutePath());
    assertThat(workspace.current().orElseThrow().dir()).isEqualTo(v1);

    workspace.activate(v2);

    assertThat(Files.readSymbolicLink(root.resolve("current")).isAbsolute()).isFalse();
    assertThat(root.resolve("current/index.php")).hasContent("1.1.0");
  }

  @Test
  void refusesAFolderOutsideReleases() throws IOException {
    Path outside = Files.createDirectories(tmp.resolve("outside"));
    Files.createSymbolicLink(root.resolve("releases/sneaky"), outside);

    assertThatThrownBy(() -> workspace.activate(outside)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("is not a release folder");
    assertThatThrownBy(() -> workspace.activate(root.resolve("releases/sneaky")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> workspace.activate(root.resolve("releases/../shared")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(root.resolve("current")).doesNotExist();
  }

  @Test
  void refusesToReplaceACurrentThatIsARealFolder() throws IOException {
    Files.createDirectories(root.resolve("current"));
    Files.writeString(root.resolve("current/keep.txt"), "mine");

    assertThatThrownBy(() -> workspace.activate(v1)).isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("not a symbolic link");
    assertThat(root.resolve("current/keep.txt")).hasContent("mine");
  }

  private Path release(String version, String at) throws IOException {
    Path dir = workspace.prepareStaging(Version.parse(version), Instant.parse(at));
    Files.writeString(dir.resolve("index.php"), version);
    return dir;
  }

  private List<Path> temporaryLinks() {
    try (Stream<Path> s = Files.list(root)) {
      return s.filter(p -> p.getFileName().toString().startsWith("current.tmp-")).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String readLink(Path link) {
    try {
      return Files.readSymbolicLink(link).toString();
    } catch (IOException e) {
      return "missing";
    }
  }

  private static void age(Path link, long seconds) throws IOException {
    FileTime old = FileTime.from(Instant.now().minusSeconds(seconds));
    Files.getFileAttributeView(link, BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
        .setTimes(old, old, null);
  }
}
