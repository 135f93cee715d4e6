package dev.thingyan.domain.report;

import dev.thingyan.ports.model.report.ErrorReport;
import dev.thingyan.ports.model.report.StackFrame;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * The identity of an error across occurrences, releases and machines: SHA-256 (hex) of the
 * exception type, the normalised message (see {@link MessageNormalizer}) and the in-app frames
 * without line numbers or files. Vendor frames are left out because a library upgrade must not
 * split one bug into two issues; when a trace has no in-app frame at all the top three frames
 * stand in. Consecutive repeats (recursion of varying depth) count once.
 */
public final class Fingerprinter {
  private static final int MAX_FRAMES = 30;
  private static final int FALLBACK_FRAMES = 3;

  private final InAppRules inApp;

  public Fingerprinter(InAppRules inApp) {
    this.inApp = Objects.requireNonNull(inApp, "inApp");
  }

  /** @return 64 lower-case hex characters. */
  public String fingerprint(ErrorReport report) {
    String subject = report.message().isBlank() ? report.title() : report.message();
    StringBuilder in = new StringBuilder()
        .append(report.exceptionType().orElse("").strip()).append('\n')
        .append(MessageNormalizer.normalize(subject)).append('\n');
    for (String frame : frameKeys(report.stackTrace().frames())) {
      in.append(frame).append('\n');
    }
    return sha256(in.toString());
  }

  List<String> frameKeys(List<StackFrame> frames) {
    List<StackFrame> chosen = frames.stream().filter(inApp::isInApp).toList();
    if (chosen.isEmpty()) {
      chosen = frames.subList(0, Math.min(FALLBACK_FRAMES, frames.size()));
    }
    List<String> keys = new ArrayList<>();
    for (StackFrame f : chosen) {
      String key = key(f);
      if (keys.size() < MAX_FRAMES && (keys.isEmpty() || !keys.get(keys.size() - 1).equals(key))) {
        keys.add(key);
      }
    }
    return keys;
  }

  /** A named function stands for itself; an anonymous script frame for its file's base name. */
  private static String key(StackFrame f) {
    String fn = f.function().strip();
    if (!fn.isEmpty() && !fn.equals("<anonymous>")) {
      return MessageNormalizer.function(fn);
    }
    String file = f.file().orElse("");
    int query = file.indexOf('?');
    file = query >= 0 ? file.substring(0, query) : file;
    String base = file.substring(file.replace('\\', '/').lastIndexOf('/') + 1);
    // bundle names carry a content hash (index-3f9a1c.js) that changes every release
    return "@" + base.replaceAll("[-.][0-9A-Za-z_]{6,}(?=\\.)", "").replaceAll("\\d++", "<n>");
  }

  private static String sha256(String text) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
