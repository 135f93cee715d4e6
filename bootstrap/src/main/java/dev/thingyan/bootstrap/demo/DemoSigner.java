package dev.thingyan.bootstrap.demo;

import com.google.crypto.tink.subtle.Ed25519Sign;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import org.bouncycastle.crypto.digests.Blake2bDigest;

/**
 * A throwaway minisign key for the demo: signs in minisign's default (prehashed, {@code ED}) mode,
 * so {@code minisign -V} and thingyan's verifier both accept the signatures. The secret key lives
 * in memory only and dies with the demo.
 */
public final class DemoSigner {

  private final byte[] keyNum;
  private final byte[] publicKey;
  private final Ed25519Sign signer;

  private DemoSigner(byte[] keyNum, Ed25519Sign.KeyPair pair) throws GeneralSecurityException {
    this.keyNum = keyNum.clone();
    this.publicKey = pair.getPublicKey();
    // the demo's own fresh key, created in this process: a cleartext key load by design
    this.signer = new Ed25519Sign(pair.getPrivateKey());
  }

  /** @return a signer with a new random Ed25519 key and key id */
  public static DemoSigner generate() {
    byte[] keyNum = new byte[8];
    new SecureRandom().nextBytes(keyNum);
    try {
      return new DemoSigner(keyNum, Ed25519Sign.KeyPair.newKeyPair());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this JVM cannot make an Ed25519 key: " + e.getMessage(), e);
    }
  }

  /** @return the key id as minisign shows it: 16 uppercase hex digits (the 8 bytes little-endian) */
  public String keyId() {
    byte[] reversed = new byte[8];
    for (int i = 0; i < 8; i++) {
      reversed[i] = keyNum[7 - i];
    }
    return HexFormat.of().withUpperCase().formatHex(reversed);
  }

  /** @return the second line of the public key file: base64 of "Ed", key id, public key */
  public String publicKeyBase64() {
    return Base64.getEncoder().encodeToString(concat("Ed".getBytes(StandardCharsets.US_ASCII),
        keyNum, publicKey));
  }

  /** @return the content of a minisign {@code .pub} file for this key */
  public String publicKeyFile() {
    return "untrusted comment: minisign public key " + keyId() + "\n" + publicKeyBase64() + "\n";
  }

  /**
   * @param trustedComment one line, signed too (releases name their version in it)
   * @return the content of a {@code .minisig} file for {@code content}
   */
  public byte[] sign(byte[] content, String trustedComment) {
    if (trustedComment.indexOf('\n') >= 0 || trustedComment.indexOf('\r') >= 0) {
      throw new IllegalArgumentException("trustedComment: must be a single line");
    }
    byte[] comment = trustedComment.getBytes(StandardCharsets.UTF_8);
    try {
      byte[] signature = signer.sign(blake2b512(content));
      byte[] global = signer.sign(concat(signature, comment));
      Base64.Encoder b64 = Base64.getEncoder();
      String text = "untrusted comment: signature from thingyan demo key " + keyId() + "\n"
          + b64.encodeToString(concat("ED".getBytes(StandardCharsets.US_ASCII), keyNum, signature))
          + "\ntrusted comment: " + trustedComment + "\n" + b64.encodeToString(global) + "\n";
      return text.getBytes(StandardCharsets.UTF_8);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Ed25519 signing failed: " + e.getMessage(), e);
    }
  }

  /** minisign's default mode signs the BLAKE2b-512 hash of the file, not the file itself. */
  private static byte[] blake2b512(byte[] content) {
    Blake2bDigest digest = new Blake2bDigest(512);
    digest.update(content, 0, content.length);
    byte[] out = new byte[64];
    digest.doFinal(out, 0);
    return out;
  }

  private static byte[] concat(byte[]... parts) {
    int length = 0;
    for (byte[] p : parts) {
      length += p.length;
    }
    byte[] out = new byte[length];
    int at = 0;
    for (byte[] p : parts) {
      System.arraycopy(p, 0, out, at, p.length);
      at += p.length;
    }
    return out;
  }
}
