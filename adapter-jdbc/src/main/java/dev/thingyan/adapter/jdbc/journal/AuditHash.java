package dev.thingyan.adapter.jdbc.journal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * The audit chain's hash: each row's hash is SHA-256 over the previous row's hash and the row's
 * canonical content, so changing or removing a row breaks every hash after it.
 */
final class AuditHash {

  /** The "previous hash" of the first row. */
  static final String GENESIS = "0".repeat(64);

  private AuditHash() {}

  /**
   * @param attributesJson as {@link FlatJson#write} spells it
   */
  static String of(
      String prevHash, String action, String actor, long atMillis, String attributesJson) {
    // quoted and escaped, so no choice of field values can spell another row's content
    String canonical =
        FlatJson.write(
            Map.of(
                "prev",
                prevHash,
                "action",
                action,
                "actor",
                actor,
                "at",
                Long.toString(atMillis),
                "attributes",
                attributesJson));
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha.digest(canonical.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
