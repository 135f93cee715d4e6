package dev.thingyan.adapter.storage.verify;

import static dev.thingyan.adapter.storage.verify.MinisignEncoding.ALG_LEGACY;
import static dev.thingyan.adapter.storage.verify.MinisignEncoding.ALG_PREHASHED;
import static dev.thingyan.adapter.storage.verify.MinisignEncoding.KEY_ID_LEN;

import com.google.crypto.tink.subtle.Ed25519Sign;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import org.bouncycastle.crypto.digests.Blake2bDigest;

/**
 * Signs files as {@code minisign -S} does in its default (prehashed {@code ED}) mode, so that the
 * demo and tests can publish signed releases without the minisign binary. The key pair lives in
 * memory only (see {@link MinisignSecretKeyFile} to keep it); the output is accepted by
 * {@code minisign -V} and by {@link MinisignVerifier}.
 */
public final class MinisignSigner {

  private final byte[] keyId;
  private final byte[] publicKey;
  private final byte[] seed;
  private final Ed25519Sign ed25519;

  MinisignSigner(byte[] keyId, byte[] seed, byte[] publicKey) {
    this.keyId = keyId.clone();
    this.publicKey = publicKey.clone();
    this.seed = seed.clone();
    try {
      this.ed25519 = new Ed25519Sign(seed);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Ed25519 is not available: " + e.getMessage(), e);
    }
  }

  /** @return a signer with a fresh Ed25519 key pair and a random key id, as {@code minisign -G} makes */
  public static MinisignSigner generate() {
    try {
      Ed25519Sign.KeyPair pair = Ed25519Sign.KeyPair.newKeyPair();
      byte[] keyId = new byte[KEY_ID_LEN];
      new SecureRandom().nextBytes(keyId);
      return new MinisignSigner(keyId, pair.getPrivateKey(), pair.getPublicKey());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot generate an Ed25519 key pair: " + e.getMessage(), e);
    }
  }

  /** @return the key id as minisign prints it: 16 uppercase hex digits */
  public String keyIdHex() {
    return MinisignEncoding.keyIdHex(keyId);
  }

  /** @return the base64 key line, as {@code minisign -P} takes it */
  public String publicKeyLine() {
    byte[] alg = ALG_LEGACY.getBytes(StandardCharsets.US_ASCII);
    return base64(MinisignEncoding.concat(MinisignEncoding.concat(alg, keyId), publicKey));
  }

  /** @return the {@code .pub} file's text, exactly as {@code minisign -G} writes it */
  public String publicKeyFile() {
    // minisign prints the id here with PRIX64, i.e. without leading zeros
    return MinisignEncoding.UNTRUSTED_PREFIX + "minisign public key "
        + keyIdHex().replaceFirst("^0+(?=.)", "") + "\n"
        + publicKeyLine() + "\n";
  }

  /** @return the {@code .minisig} text for {@code content} */
  public String sign(byte[] content, String trustedComment) {
    Objects.requireNonNull(content, "content");
    return signPrehash(MinisignEncoding.prehash(content), trustedComment);
  }

  /** @return the {@code .minisig} text for the file, read as a stream (memory stays flat) */
  public String sign(Path file, String trustedComment) {
    Blake2bDigest digest = MinisignEncoding.newPrehash();
    byte[] buffer = new byte[64 * 1024];
    try (InputStream in = Files.newInputStream(file)) {
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        digest.update(buffer, 0, n);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + " to sign it", e);
    }
    byte[] hash = new byte[digest.getDigestSize()];
    digest.doFinal(hash, 0);
    return signPrehash(hash, trustedComment);
  }

  /** Signs {@code file} and writes {@code <file>.minisig} beside it, as minisign does. */
  public Path signToFile(Path file, String trustedComment) {
    Path sigFile = file.resolveSibling(file.getFileName() + ".minisig");
    try {
      Files.writeString(sigFile, sign(file, trustedComment), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + sigFile, e);
    }
    return sigFile;
  }

  private String signPrehash(byte[] hash, String trustedComment) {
    Objects.requireNonNull(trustedComment, "trustedComment");
    if (trustedComment.contains("\n") || trustedComment.contains("\r")) {
      throw new IllegalArgumentException("trustedComment must be one line");
    }
    byte[] signature = ed25519Sign(hash);
    byte[] comment = trustedComment.getBytes(StandardCharsets.UTF_8);
    byte[] global = ed25519Sign(MinisignEncoding.concat(signature, comment));
    byte[] alg = ALG_PREHASHED.getBytes(StandardCharsets.US_ASCII);
    return MinisignEncoding.UNTRUSTED_PREFIX + "signature from minisign secret key\n"
        + base64(MinisignEncoding.concat(MinisignEncoding.concat(alg, keyId), signature)) + "\n"
        + MinisignEncoding.TRUSTED_PREFIX + trustedComment + "\n"
        + base64(global) + "\n";
  }

  private byte[] ed25519Sign(byte[] message) {
    try {
      return ed25519.sign(message);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Ed25519 signing failed: " + e.getMessage(), e);
    }
  }

  private static String base64(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }

  byte[] keyId() {
    return keyId.clone();
  }

  byte[] publicKey() {
    return publicKey.clone();
  }

  byte[] seed() {
    return seed.clone();
  }

  byte[] derivedPublicKey() {
    try {
      return Ed25519Sign.KeyPair.newKeyPairFromSeed(seed).getPublicKey();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Ed25519 is not available: " + e.getMessage(), e);
    }
  }
}
