package dev.thingyan.ports.out;

import dev.thingyan.ports.model.SignatureCheck;

/**
 * Verifies detached signatures (minisign format: default prehashed {@code ED} and legacy
 * {@code Ed}) against the configured list of trusted public keys.
 */
public interface SignatureVerifier {

  /** @return true when at least one trusted key is configured. */
  boolean hasTrustedKeys();

  /**
   * @param content the signed bytes (a release's {@code SHA256SUMS})
   * @param signature the {@code .minisig} file's bytes
   * @return the key id and the trusted comment, both verified
   * @throws SignatureInvalidException when the signature is malformed, made by an unknown key, or
   *     does not match (the content or the trusted comment was changed)
   */
  SignatureCheck verify(byte[] content, byte[] signature);
}
