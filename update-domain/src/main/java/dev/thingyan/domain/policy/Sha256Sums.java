package dev.thingyan.domain.policy;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code SHA256SUMS} file in {@code sha256sum} format: {@code <64 hex>  <name>} per line (a
 * {@code *} before the name marks binary mode). Names are plain file names; anything else refuses
 * the whole file, since a release whose checksum list cannot be read cannot be trusted.
 */
public final class Sha256Sums {

  private static final Pattern LINE = Pattern.compile("([0-9a-fA-F]{64}) [ *](.+)");

  private final Map<String, String> byName;

  private Sha256Sums(Map<String, String> byName) {
    this.byName = byName;
  }

  /** @throws IllegalArgumentException naming the line that is not in sha256sum format */
  public static Sha256Sums parse(String text) {
    Map<String, String> sums = new LinkedHashMap<>();
    String[] lines = text.split("\r?\n");
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty()) continue;
      Matcher m = LINE.matcher(line);
      if (!m.matches() || m.group(2).contains("/") || m.group(2).contains("\\")) {
        throw new IllegalArgumentException(
            "SHA256SUMS line " + (i + 1) + " is not '<sha256>  <file name>': " + abbreviate(line));
      }
      String previous = sums.put(m.group(2), m.group(1).toLowerCase(Locale.ROOT));
      if (previous != null) {
        throw new IllegalArgumentException("SHA256SUMS lists " + m.group(2) + " twice");
      }
    }
    if (sums.isEmpty()) {
      throw new IllegalArgumentException("SHA256SUMS is empty");
    }
    return new Sha256Sums(sums);
  }

  /** @return the expected lowercase hex digest of this file name. */
  public Optional<String> sumOf(String fileName) {
    return Optional.ofNullable(byName.get(fileName));
  }

  /** @return the lowercase hex SHA-256 of {@code bytes}, as the file would list it. */
  public static String hex(byte[] bytes) {
    try {
      return java.util.HexFormat.of().formatHex(
          java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  /** @return the names of the files listed. */
  public java.util.Set<String> names() {
    return java.util.Collections.unmodifiableSet(byName.keySet());
  }

  /** @return the number of files listed. */
  public int size() {
    return byName.size();
  }

  private static String abbreviate(String s) {
    return s.length() <= 80 ? s : s.substring(0, 77) + "...";
  }
}
