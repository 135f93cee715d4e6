package dev.thingyan.domain.report;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Reads corpus files: cases split on {@code ----} lines, {@code %%} comments, ⟦marked⟧ spans. */
final class CorpusSpans {
  private CorpusSpans() {}

  static List<String> split(String file) {
    List<String> cases = new ArrayList<>();
    for (String block : file.split("(?m)^----\\s*$")) {
      String text = block.lines().filter(l -> !l.startsWith("%%"))
          .collect(Collectors.joining("\n")).strip();
      if (!text.isEmpty()) {
        cases.add(text);
      }
    }
    return cases;
  }

  static List<String> marked(String text) {
    List<String> spans = new ArrayList<>();
    int from = 0;
    while (true) {
      int open = text.indexOf('⟦', from);
      int close = open < 0 ? -1 : text.indexOf('⟧', open);
      if (close < 0) {
        return spans;
      }
      spans.add(text.substring(open + 1, close));
      from = close + 1;
    }
  }
}
