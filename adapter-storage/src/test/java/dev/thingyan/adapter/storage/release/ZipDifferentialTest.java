package dev.thingyan.adapter.storage.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.thingyan.ports.model.ExtractionLimits;
import dev.thingyan.ports.out.UnsafeArchiveException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The zip side of the corpus: what {@code unzip -Z1} lists for each case is checked in the test
 * (a name a listing hides or shows twice), and thingyan refuses it naming the rule.
 */
class ZipDifferentialTest {
  @TempDir Path tmp;

  static Stream<Arguments> corpus() {
    return Stream.of(
        c("name with a newline", ZipBuilder.zip().file("VERSION", "1").file("app/a\nb.php", "x"),
            "U+000A", names -> assertThat(names).hasSize(2)),
        c("name with ESC", ZipBuilder.zip().file("VERSION", "1").file("app/\u001b[8mx.php", "x"),
            "U+001B", names -> assertThat(names).hasSize(2)),
        c("the same name twice", ZipBuilder.zip().file("app/a.php", "first")
            .file("app/a.php", "second"), "appears twice",
            names -> assertThat(names).containsExactly("app/a.php", "app/a.php")),
        c("the same name in two Unicode forms", ZipBuilder.zip().file("app/caf\u00e9", "nfc")
            .file("app/cafe\u0301", "nfd"), "appears twice", names -> assertThat(names).hasSize(2)),
        c("a folder entry with data", ZipBuilder.zip().file("VERSION", "1")
            .file("app/d/", "#!/bin/sh\n"), "is a folder that carries data",
            names -> assertThat(names).contains("app/d/")));
  }

  private static Arguments c(String name, ZipBuilder zip, String message,
      Consumer<List<String>> unzipSees) {
    return Arguments.of(name, zip, message, unzipSees);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void unzipListsItAndThingyanRefuses(String name, ZipBuilder zip, String message,
      Consumer<List<String>> unzipSees) throws Exception {
    Staged staged = Staged.in(tmp);
    Path archive = zip.writeTo(tmp.resolve("case.zip"));

    unzipSees.accept(SystemTar.run(List.of("unzip", "-Z1", archive.toString())).lines());

    assertThatThrownBy(() -> staged.workspace().extract(archive, staged.staging(),
        ExtractionLimits.DEFAULT)).isInstanceOf(UnsafeArchiveException.class)
        .hasMessageContaining(message);
    assertThat(staged.staging()).isEmptyDirectory();
  }
}
