package dev.thingyan.adapter.storage.verify;

import static dev.thingyan.adapter.storage.verify.MinisignEncoding.ALG_LEGACY;
import static dev.thingyan.adapter.storage.verify.MinisignEncoding.ED25519_KEY_LEN;
import static dev.thingyan.adapter.storage.verify.MinisignEncoding.KEY_ID_LEN;
import static dev.thingyan.adapter.storage.verify.MinisignEncoding.PUBLIC_KEY_LEN;
import static dev.thingyan.adapter.storage.verify.MinisignEncoding.UNTRUSTED_PREFIX;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A minisign public key: its key id and its Ed25519 key. Parsed from the base64 key line alone
 * (as {@code minisign -P} takes it) or from the whole {@code .pub} file.
 */
public final class MinisignPublicKey {

  private final String keyIdHex;
  private final byte[] ed25519;

  private MinisignPublicKey(String keyIdHex, byte[] ed25519) {
    this.keyIdHex = keyIdHex;
    this.ed25519 = ed25519;
  }

  /**
   * @param text the base64 key line, or the {@code .pub} file (untrusted comment line + key line)
   * @throws IllegalArgumentException saying why the text is not a minisign public key
   */
  public static MinisignPublicKey parse(String text) {
    Objects.requireNonNull(text, "public key");
    byte[] decoded = MinisignEncoding.decodeBase64(keyLine(text), PUBLIC_KEY_LEN, "the key line");
    String alg = MinisignEncoding.algorithm(decoded);
    if (!ALG_LEGACY.equals(alg)) {
      throw new IllegalArgumentException(
          "the key's algorithm is '" + alg + "', expected 'Ed' (not a minisign public key?)");
    }
    byte[] keyId = MinisignEncoding.slice(decoded, 2, KEY_ID_LEN);
    byte[] key = MinisignEncoding.slice(decoded, 2 + KEY_ID_LEN, ED25519_KEY_LEN);
    return new MinisignPublicKey(MinisignEncoding.keyIdHex(keyId), key);
  }

  private static String keyLine(String text) {
    List<String> lines = text.strip().lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    if (lines.size() == 1 && !lines.get(0).startsWith("untrusted comment:")) {
      return lines.get(0);
    }
    if (lines.size() == 2 && lines.get(0).startsWith(UNTRUSTED_PREFIX.strip())) {
      return lines.get(1);
    }
    throw new IllegalArgumentException("expected the base64 key line, or a .pub file of two lines "
        + "(\"untrusted comment: ...\" then the key line); got " + lines.size() + " line(s)");
  }

  /** @return the key id as minisign prints it: 16 uppercase hex digits */
  public String keyIdHex() {
    return keyIdHex;
  }

  byte[] ed25519() {
    return ed25519.clone();
  }

  boolean sameKey(MinisignPublicKey other) {
    return keyIdHex.equals(other.keyIdHex) && Arrays.equals(ed25519, other.ed25519);
  }

  @Override
  public String toString() {
    return "minisign key " + keyIdHex;
  }
}
