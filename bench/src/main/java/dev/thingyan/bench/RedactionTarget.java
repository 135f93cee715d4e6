package dev.thingyan.bench;

import dev.thingyan.domain.report.Redactor;
import dev.thingyan.domain.report.TextRedactor;
import dev.thingyan.ports.model.report.ErrorReport;
import java.util.List;
import java.util.function.Supplier;

/**
 * The redaction under test, one build of it: {@link RedactionBench} loads this class in a class
 * loader of its own over that build's classes (the working tree's, or a baseline's), and reaches
 * it only through JDK types, so two builds of the same classes can be measured side by side.
 */
public final class RedactionTarget {
  private RedactionTarget() {}

  /**
   * @param sample a {@link RedactionSamples} name
   * @return the two measured operations on that sample: the whole report through {@code
   *     Redactor.redact}, its main text through {@code TextRedactor.redact}
   */
  public static List<Supplier<Object>> operations(String sample) {
    RedactionSamples s = RedactionSamples.valueOf(sample);
    ErrorReport report = s.report();
    String text = s.text(report);
    Redactor redactor = new Redactor();
    TextRedactor textRedactor = new TextRedactor();
    return List.of(() -> redactor.redact(report), () -> textRedactor.redact(text));
  }
}
