package dev.thingyan.adapter.storage.verify;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import org.bouncycastle.crypto.digests.Blake2bDigest;

/**
 * The byte layout minisign uses for its key and signature files, shared by the verifier and the
 * signer so that both read and write exactly the same format.
 */
final class MinisignEncoding {

  static final String UNTRUSTED_PREFIX = "untrusted comment: ";
  static final String TRUSTED_PREFIX = "trusted comment: ";
  /** Legacy mode: the Ed25519 signature is over the file itself. */
  static final String ALG_LEGACY = "Ed";
  /** Default mode since minisign 0.9: the signature is over BLAKE2b-512 of the file. */
  static final String ALG_PREHASHED = "ED";
  static final int KEY_ID_LEN = 8;
  static final int ED25519_KEY_LEN = 32;
  static final int ED25519_SIG_LEN = 64;
  static final int PUBLIC_KEY_LEN = 2 + KEY_ID_LEN + ED25519_KEY_LEN;
  static final int SIGNATURE_LEN = 2 + KEY_ID_LEN + ED25519_SIG_LEN;

  private MinisignEncoding() {}

  /** @throws IllegalArgumentException saying what is wrong with the text */
  static byte[] decodeBase64(String text, int expectedLength, String what) {
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(text.trim());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(what + " is not valid base64 (" + e.getMessage() + ")", e);
    }
    if (bytes.length != expectedLength) {
      throw new IllegalArgumentException(
          what + " decodes to " + bytes.length + " bytes, expected " + expectedLength);
    }
    return bytes;
  }

  /** minisign prints the 8 key id bytes as a little-endian 64-bit number in uppercase hex. */
  static String keyIdHex(byte[] keyId) {
    StringBuilder hex = new StringBuilder(16);
    for (int i = keyId.length - 1; i >= 0; i--) {
      hex.append(String.format(Locale.ROOT, "%02X", keyId[i] & 0xff));
    }
    return hex.toString();
  }

  static String algorithm(byte[] decoded) {
    return new String(decoded, 0, 2, StandardCharsets.ISO_8859_1);
  }

  static byte[] slice(byte[] bytes, int from, int length) {
    return Arrays.copyOfRange(bytes, from, from + length);
  }

  static Blake2bDigest newPrehash() {
    return new Blake2bDigest(512);
  }

  static byte[] prehash(byte[] content) {
    Blake2bDigest digest = newPrehash();
    digest.update(content, 0, content.length);
    byte[] out = new byte[digest.getDigestSize()];
    digest.doFinal(out, 0);
    return out;
  }

  /**
   * Splits on {@code \n}, dropping a trailing {@code \r}, keeping raw bytes: the trusted comment is
   * signed as bytes, so it must not go through a lossy charset round trip.
   */
  static List<byte[]> lines(byte[] text) {
    List<byte[]> lines = new ArrayList<>();
    int start = 0;
    for (int i = 0; i <= text.length; i++) {
      if (i == text.length || text[i] == '\n') {
        int end = i > start && text[i - 1] == '\r' ? i - 1 : i;
        if (i < text.length || end > start) {
          lines.add(Arrays.copyOfRange(text, start, end));
        }
        start = i + 1;
      }
    }
    return lines;
  }

  static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
