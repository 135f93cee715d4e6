package dev.thingyan.adapter.storage.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.thingyan.adapter.storage.release.RawTar.Header;
import dev.thingyan.ports.model.ExtractionLimits;
import dev.thingyan.ports.out.UnsafeArchiveException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The differential corpus: archives that two tar readers could read as two different releases.
 * Each is built here byte by byte, listed with the system's GNU tar in the test (so the case is
 * shown to be what it claims: what a reviewer running {@code tar -t} sees), and thingyan refuses it
 * naming the rule, leaving the staging folder empty.
 */
class TarDifferentialTest {
  private static final byte[] HIDDEN = RawTar.tar().file("hidden.sh", "#!/bin/sh\nevil\n").end()
      .bytes();

  @TempDir Path tmp;
  private Staged staged;

  @BeforeEach
  void setUp() {
    staged = Staged.in(tmp);
  }

  static Stream<Arguments> corpus() {
    return Stream.of(
        c("'./' regular entry carrying a tar", RawTar.tar().file("VERSION", "1.2.0")
            .entry("./", '0', HIDDEN), "'./'",
            tar -> assertThat(tar.lines()).containsExactly("VERSION", "./")),
        c("name with a newline", RawTar.tar().file("VERSION", "1").file("app/a\nb.php", "x"),
            "U+000A", tar -> assertThat(tar.lines()).contains("app/a\\nb.php")),
        c("name with ESC", RawTar.tar().file("VERSION", "1").file("app/\u001b[8mx.php", "x"),
            "U+001B", tar -> assertThat(String.join("|", tar.lines())).contains("\\033[8mx.php")),
        c("bidi override in a name", RawTar.tar().file("VERSION", "1")
            .file("app/gpj.\u202eexe.php", "x"), "U+202E",
            tar -> assertThat(tar.lines()).hasSize(2)),
        c("data after the end marker", RawTar.tar().file("VERSION", "1").end().data(HIDDEN),
            "data follows it", tar -> assertThat(tar.lines()).containsExactly("VERSION")),
        c("a lone zero block, then an entry", RawTar.tar().file("VERSION", "1")
            .data(new byte[512]).file("hidden.sh", "evil"), "data follows it",
            tar -> assertThat(tar.lines()).containsExactly("VERSION")),
        c("folder entry with data", RawTar.tar().file("VERSION", "1")
            .entry("app/", '5', HIDDEN), "holds none",
            tar -> assertThat(tar.lines()).contains("hidden.sh")),
        c("symbolic link with data", RawTar.tar().file("VERSION", "1")
            .header(Header.of("app/l", '2', HIDDEN.length).link("VERSION")).data(HIDDEN),
            "holds none", tar -> assertThat(tar.lines()).doesNotContain("hidden.sh")),
        c("hard link with data", RawTar.tar().file("VERSION", "1")
            .header(Header.of("app/h", '1', HIDDEN.length).link("VERSION")).data(HIDDEN),
            "holds none", tar -> assertThat(tar.lines()).contains("app/h")),
        c("regular file named like a folder", RawTar.tar().file("VERSION", "1")
            .entry("app/", '0', HIDDEN), "named like a folder",
            tar -> assertThat(tar.lines()).contains("app/")),
        c("PAX path and GNU long name disagree", RawTar.tar().file("VERSION", "1")
            .gnuLongName("app/readme.txt").pax("path", "app/run.sh").file("app/readme.txt", "x"),
            "disagree", tar -> assertThat(tar.lines()).hasSize(2)),
        c("PAX path disagrees with the header name", RawTar.tar().file("VERSION", "1")
            .pax("path", "app/run.sh").file("app/readme.txt", "x"), "in its long name",
            tar -> assertThat(tar.lines()).containsExactly("VERSION", "app/run.sh")),
        c("GNU long name disagrees with the header name", RawTar.tar().file("VERSION", "1")
            .gnuLongName("app/run.sh").file("app/readme.txt", "x"), "in its long name",
            tar -> assertThat(tar.lines()).containsExactly("VERSION", "app/run.sh")),
        c("two PAX headers for one entry", RawTar.tar().file("VERSION", "1")
            .pax("path", "app/a.txt").pax("path", "app/b.txt").file("app/a.txt", "x"),
            "second PAX header", tar -> assertThat(tar.lines()).hasSize(2)),
        c("a PAX key given twice", RawTar.tar().file("VERSION", "1")
            .pax("path", "app/a.txt", "path", "app/b.txt").file("app/a.txt", "x"),
            "twice", tar -> assertThat(tar.lines()).hasSize(2)),
        c("PAX size disagrees with the header", RawTar.tar().file("VERSION", "1")
            .pax("size", "0").entry("app/a.txt", '0', HIDDEN), "disagrees with its header size",
            tar -> assertThat(tar.lines()).contains("hidden.sh")),
        c("global PAX header with a path", RawTar.tar().pax("comment", "x")
            .entry("pax_global_header", 'g', RawTar.utf8("20 path=app/evil.sh\n"))
            .file("VERSION", "1"), "in a global header", tar -> assertThat(tar.lines()).hasSize(1)),
        c("sparse file", RawTar.tar().file("VERSION", "1")
            .pax("GNU.sparse.major", "1", "GNU.sparse.minor", "0").file("app/a", "x"),
            "sparse", tar -> assertThat(tar.exit()).isNotNull()),
        c("duplicate after normalisation", RawTar.tar().file("app/a.txt", "first")
            .file("app/./a.txt", "second"), "appears twice",
            tar -> assertThat(tar.lines()).containsExactly("app/a.txt", "app/./a.txt")),
        c("duplicate after Unicode normalisation", RawTar.tar().file("app/caf\u00e9", "nfc")
            .file("app/cafe\u0301", "nfd"), "appears twice",
            tar -> assertThat(tar.lines()).hasSize(2)),
        c("duplicate folder", RawTar.tar().file("VERSION", "1").entry("app/", '5', new byte[0]).file("app/a", "x")
            .entry("app//", '5', new byte[0]), "appears twice",
            tar -> assertThat(tar.lines()).hasSize(4)),
        c("GNU header with data in the prefix field", RawTar.tar().file("VERSION", "1")
            .header(Header.of("x.sh", '0', 2).gnu().prefix("bin")).data(RawTar.utf8("x\n")),
            "prefix field", tar -> assertThat(tar.lines()).containsExactly("VERSION", "x.sh")),
        c("unknown entry type", RawTar.tar().file("VERSION", "1").entry("app/c", '7', HIDDEN),
            "entry type '7'", tar -> assertThat(tar.lines()).contains("app/c")),
        c("wrong checksum", RawTar.tar().file("VERSION", "1")
            .header(Header.of("app/a", '0', 1).badChecksum()).data(RawTar.utf8("x")),
            "wrong checksum", tar -> assertThat(tar.exit()).isNotZero()),
        c("name that is not UTF-8", RawTar.tar().file("VERSION", "1")
            .header(Header.of("", '0', 0).name(new byte[] {'a', '/', (byte) 0xff})), "not UTF-8",
            tar -> assertThat(tar.lines()).hasSize(2)));
  }

  /**
   * The other half of the corpus: archives the system's tar writes, in each of its formats, with
   * long and non-ASCII names, links and a {@code ./} root, unpack to exactly what {@code tar -x}
   * unpacks. Strictness that refused honest archives would be no use.
   */
  @ParameterizedTest(name = "tar --format={0}")
  @ValueSource(strings = {"gnu", "posix", "ustar"})
  void anArchiveTheSystemTarWroteUnpacksAsTarUnpacksIt(String format) throws Exception {
    Path src = Files.createDirectories(tmp.resolve("src"));
    Files.writeString(src.resolve("VERSION"), "1.2.0");
    Path deep = Files.createDirectories(src.resolve("vendor/" + "d".repeat(60) + "/"
        + "e".repeat(60)));
    Files.writeString(deep.resolve("f".repeat(90) + ".php"), "<?php // long");
    Files.writeString(src.resolve("vendor/\u1019\u103c\u1014\u103a\u1019\u102c.txt"), "burmese");
    Files.createSymbolicLink(src.resolve("vendor/current"), Path.of("VERSION-link-target"));
    Files.createLink(src.resolve("VERSION.bak"), src.resolve("VERSION"));
    Files.createDirectories(src.resolve("storage/empty"));
    Path archive = tmp.resolve("good.tar.gz");
    assertThat(SystemTar.run(List.of("tar", "--format=" + format, "-czf", archive.toString(), "-C",
        src.toString(), ".")).exit()).isZero();
    Path byTar = tmp.resolve("by-tar");
    assertThat(SystemTar.extract(archive, byTar).exit()).isZero();

    staged.workspace().extract(archive, staged.staging(), ExtractionLimits.DEFAULT);

    assertThat(SystemTar.tree(staged.staging())).isEqualTo(SystemTar.tree(byTar)).hasSize(10);
  }

  private static Arguments c(String name, RawTar tar, String message, Consumer<SystemTar.Run> gnu) {
    return Arguments.of(name, tar, message, gnu);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void gnuTarSeesOneThingAndThingyanRefuses(String name, RawTar raw, String message,
      Consumer<SystemTar.Run> gnuSees) throws Exception {
    Path archive = raw.end().writeTo(tmp.resolve("case.tar"));

    gnuSees.accept(SystemTar.list(archive));

    assertThatThrownBy(() -> staged.workspace().extract(archive, staged.staging(), ExtractionLimits.DEFAULT))
        .isInstanceOf(UnsafeArchiveException.class).hasMessageContaining(message);
    assertThat(staged.staging()).isEmptyDirectory();
  }
}
