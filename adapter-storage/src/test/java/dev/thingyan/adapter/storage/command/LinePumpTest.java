package dev.thingyan.adapter.storage.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LinePumpTest {

  @Test
  void splitsLinesDropsCarriageReturnsAndKeepsALastLineWithoutNewline() {
    assertThat(pump("a\r\nb\n\nc")).containsExactly("a", "b", "", "c");
  }

  @Test
  void cutsALongLineAtACharacterBoundary() {
    // 8191 ASCII bytes, then a 3-byte Burmese letter across the 8 KiB mark
    String longLine = "x".repeat(LinePump.MAX_LINE - 1) + "မ" + "y".repeat(100);
    List<String> lines = pump(longLine + "\nnext\n");

    assertThat(lines).containsExactly("x".repeat(LinePump.MAX_LINE - 1) + LinePump.CUT_MARK, "next");
  }

  @Test
  void keepsMyanmarTextIntact() {
    assertThat(pump("ဧည့်သည် စာရင်း\n")).containsExactly("ဧည့်သည် စာရင်း");
  }

  private static List<String> pump(String text) {
    List<String> lines = new ArrayList<>();
    new LinePump(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), lines::add).run();
    return lines;
  }
}
