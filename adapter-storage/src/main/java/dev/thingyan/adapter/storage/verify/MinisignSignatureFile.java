package dev.thingyan.adapter.storage.verify;

import static dev.thingyan.adapter.storage.verify.MinisignEncoding.ALG_LEGACY;
import static dev.thingyan.adapter.storage.verify.MinisignEncoding.ALG_PREHASHED;
import static dev.thingyan.adapter.storage.verify.MinisignEncoding.ED25519_SIG_LEN;
import static dev.thingyan.adapter.storage.verify.MinisignEncoding.KEY_ID_LEN;
import static dev.thingyan.adapter.storage.verify.MinisignEncoding.SIGNATURE_LEN;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * A parsed {@code .minisig}: line 1 an untrusted comment, line 2 the signature (algorithm, key id,
 * Ed25519 signature), line 3 the trusted comment, line 4 the global signature over the signature
 * and the trusted comment.
 *
 * @param prehashed true for {@code ED} (signature over BLAKE2b-512 of the file), false for legacy
 *     {@code Ed} (signature over the file itself)
 * @param trustedComment the trusted comment's bytes exactly as signed
 */
record MinisignSignatureFile(boolean prehashed, String keyIdHex, byte[] signature,
    byte[] trustedComment, byte[] globalSignature) {

  private static final byte[] UNTRUSTED = bytes(MinisignEncoding.UNTRUSTED_PREFIX.strip());
  private static final byte[] TRUSTED = bytes(MinisignEncoding.TRUSTED_PREFIX);

  /** @throws IllegalArgumentException saying what is malformed */
  static MinisignSignatureFile parse(byte[] file) {
    List<byte[]> lines = MinisignEncoding.lines(file);
    if (lines.size() < 4) {
      throw new IllegalArgumentException("it has " + lines.size() + " line(s), a minisign "
          + "signature has 4 (untrusted comment, signature, trusted comment, global signature)");
    }
    if (!startsWith(lines.get(0), UNTRUSTED)) {
      throw new IllegalArgumentException("line 1 does not start with \"untrusted comment:\"");
    }
    byte[] sig = MinisignEncoding.decodeBase64(ascii(lines.get(1)), SIGNATURE_LEN, "line 2");
    String alg = MinisignEncoding.algorithm(sig);
    if (!ALG_PREHASHED.equals(alg) && !ALG_LEGACY.equals(alg)) {
      throw new IllegalArgumentException(
          "line 2 names the algorithm '" + alg + "', expected 'ED' (prehashed) or 'Ed' (legacy)");
    }
    if (!startsWith(lines.get(2), TRUSTED)) {
      throw new IllegalArgumentException("line 3 does not start with \"trusted comment: \"");
    }
    byte[] comment = Arrays.copyOfRange(lines.get(2), TRUSTED.length, lines.get(2).length);
    byte[] global = MinisignEncoding.decodeBase64(ascii(lines.get(3)), ED25519_SIG_LEN, "line 4");
    return new MinisignSignatureFile(ALG_PREHASHED.equals(alg),
        MinisignEncoding.keyIdHex(MinisignEncoding.slice(sig, 2, KEY_ID_LEN)),
        MinisignEncoding.slice(sig, 2 + KEY_ID_LEN, ED25519_SIG_LEN), comment, global);
  }

  String trustedCommentText() {
    return new String(trustedComment, StandardCharsets.UTF_8);
  }

  private static boolean startsWith(byte[] line, byte[] prefix) {
    return line.length >= prefix.length
        && Arrays.equals(line, 0, prefix.length, prefix, 0, prefix.length);
  }

  // ISO-8859-1 maps every byte to one char, so a stray byte reaches the base64 check and is named there
  private static String ascii(byte[] line) {
    return new String(line, StandardCharsets.ISO_8859_1);
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }
}
