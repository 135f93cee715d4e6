package dev.thingyan.adapter.storage.verify;

import static dev.thingyan.adapter.storage.verify.MinisignEncoding.ALG_LEGACY;
import static dev.thingyan.adapter.storage.verify.MinisignEncoding.ED25519_KEY_LEN;
import static dev.thingyan.adapter.storage.verify.MinisignEncoding.KEY_ID_LEN;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.bouncycastle.crypto.digests.Blake2bDigest;

/**
 * Reads and writes minisign's secret key file in its unencrypted form ({@code minisign -G -W}),
 * so that a key made by either tool signs with the other. Encrypted keys are refused: decrypt
 * them first with {@code minisign -C -W}. The text is a secret: never log it.
 */
public final class MinisignSecretKeyFile {

  // sig_alg(2) kdf_alg(2) chk_alg(2) salt(32) opslimit(8) memlimit(8) keynum(8) sk(64) chk(32)
  private static final int KEYNUM_AT = 54;
  private static final int SK_LEN = 64;
  private static final int CHK_LEN = 32;
  private static final int LENGTH = KEYNUM_AT + KEY_ID_LEN + SK_LEN + CHK_LEN;

  private MinisignSecretKeyFile() {}

  /** @return the unencrypted secret key file's text for this signer's key */
  public static String write(MinisignSigner signer) {
    ByteBuffer b = ByteBuffer.allocate(LENGTH);
    b.put(ascii(ALG_LEGACY)).put(new byte[2]).put(ascii("B2"));
    b.position(KEYNUM_AT);
    byte[] sk = MinisignEncoding.concat(signer.seed(), signer.publicKey());
    b.put(signer.keyId()).put(sk).put(checksum(signer.keyId(), sk));
    return MinisignEncoding.UNTRUSTED_PREFIX + "minisign secret key\n"
        + Base64.getEncoder().encodeToString(b.array()) + "\n";
  }

  /**
   * @param text an unencrypted minisign secret key file
   * @throws IllegalArgumentException saying why it cannot be used (never quoting the key)
   */
  public static MinisignSigner read(String text) {
    List<String> lines = text.strip().lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    if (lines.size() != 2) {
      throw new IllegalArgumentException("a minisign secret key file has 2 lines, this has "
          + lines.size());
    }
    byte[] d = MinisignEncoding.decodeBase64(lines.get(1), LENGTH, "the secret key line");
    if (!ALG_LEGACY.equals(MinisignEncoding.algorithm(d))
        || !Arrays.equals(d, 4, 6, ascii("B2"), 0, 2)) {
      throw new IllegalArgumentException("not a minisign Ed25519 secret key");
    }
    if (d[2] != 0 || d[3] != 0) {
      throw new IllegalArgumentException(
          "the secret key is password-protected; remove the password with 'minisign -C -W' first");
    }
    byte[] keyId = MinisignEncoding.slice(d, KEYNUM_AT, KEY_ID_LEN);
    byte[] sk = MinisignEncoding.slice(d, KEYNUM_AT + KEY_ID_LEN, SK_LEN);
    byte[] chk = MinisignEncoding.slice(d, KEYNUM_AT + KEY_ID_LEN + SK_LEN, CHK_LEN);
    // minisign 0.11 leaves the checksum zero for an unencrypted key; newer versions fill it in
    if (!Arrays.equals(chk, new byte[CHK_LEN]) && !Arrays.equals(chk, checksum(keyId, sk))) {
      throw new IllegalArgumentException("the secret key's checksum does not match (damaged file)");
    }
    MinisignSigner signer = new MinisignSigner(keyId, Arrays.copyOf(sk, ED25519_KEY_LEN),
        MinisignEncoding.slice(sk, ED25519_KEY_LEN, ED25519_KEY_LEN));
    if (!Arrays.equals(signer.derivedPublicKey(), signer.publicKey())) {
      throw new IllegalArgumentException("the secret key's two halves do not belong together");
    }
    return signer;
  }

  private static byte[] checksum(byte[] keyId, byte[] sk) {
    Blake2bDigest digest = new Blake2bDigest(256);
    digest.update(ascii(ALG_LEGACY), 0, 2);
    digest.update(keyId, 0, keyId.length);
    digest.update(sk, 0, sk.length);
    byte[] out = new byte[CHK_LEN];
    digest.doFinal(out, 0);
    return out;
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }
}
