package dev.thingyan.ports.model;

import java.util.Objects;

/**
 * A signature that verified.
 *
 * @param keyId the signing key's id, as 16 uppercase hex digits (minisign's key id)
 * @param trustedComment the signed trusted comment; releases name their version in it
 */
public record SignatureCheck(String keyId, String trustedComment) {
  public SignatureCheck {
    Objects.requireNonNull(keyId, "keyId");
    Objects.requireNonNull(trustedComment, "trustedComment");
  }
}
