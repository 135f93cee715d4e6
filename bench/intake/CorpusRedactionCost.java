import dev.thingyan.domain.report.Redactor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Redaction cost per report on the held-in PMS corpus (issue 13): each case's text through
 * Redactor.redactText, timed one by one after a warm-up; beside it, the reference, a UTF-8 round
 * trip of the same text (the floor of touching it at all). Prints p50 and p99 of both and their
 * ratio. Args: corpus folder, rounds.
 */
public final class CorpusRedactionCost {
  public static void main(String[] args) throws Exception {
    List<String> cases = cases(Path.of(args[0]));
    int rounds = Integer.parseInt(args[1]);
    Redactor redactor = new Redactor();
    long sink = 0;
    for (int w = 0; w < 3; w++) {
      for (String c : cases) {
        sink += redactor.redactText(c).length();
      }
    }
    long[] red = new long[cases.size() * rounds];
    long[] ref = new long[cases.size() * rounds];
    int k = 0;
    for (int r = 0; r < rounds; r++) {
      for (String c : cases) {
        long t0 = System.nanoTime();
        sink += new String(c.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8).length();
        long t1 = System.nanoTime();
        sink += redactor.redactText(c).length();
        long t2 = System.nanoTime();
        ref[k] = t1 - t0;
        red[k++] = t2 - t1;
      }
    }
    Arrays.sort(red);
    Arrays.sort(ref);
    System.out.printf("cases: %d, rounds: %d (checksum %d)%n", cases.size(), rounds, sink % 10);
    System.out.printf("redaction per report:       p50 %8.1f us   p99 %8.1f us%n",
        red[red.length / 2] / 1e3, red[(int) (red.length * 0.99)] / 1e3);
    System.out.printf("reference (UTF-8 round trip): p50 %8.1f us   p99 %8.1f us%n",
        ref[ref.length / 2] / 1e3, ref[(int) (ref.length * 0.99)] / 1e3);
    System.out.printf("ratio redaction/reference:  p50 %8.0fx   p99 %8.0fx%n",
        red[red.length / 2] / (double) Math.max(1, ref[ref.length / 2]),
        red[(int) (red.length * 0.99)] / (double) Math.max(1, ref[(int) (ref.length * 0.99)]));
  }

  private static List<String> cases(Path dir) throws Exception {
    List<String> cases = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) {
        for (String block : Files.readString(f).split("(?m)^----\\s*$")) {
          String text = block.lines().filter(l -> !l.startsWith("%%"))
              .collect(Collectors.joining("\n")).strip()
              .replaceAll("[⟦⟧⟪⟫]", "");
          if (!text.isEmpty()) {
            cases.add(text);
          }
        }
      }
    }
    return cases;
  }
}
