package dev.thingyan.adapter.storage.verify;

import com.google.crypto.tink.subtle.Ed25519Verify;
import dev.thingyan.ports.model.SignatureCheck;
import dev.thingyan.ports.out.SignatureInvalidException;
import dev.thingyan.ports.out.SignatureVerifier;
import java.security.GeneralSecurityException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Verifies minisign signatures (default prehashed {@code ED} and legacy {@code Ed}) with Tink's
 * Ed25519 against a list of trusted public keys, so that keys can rotate: the signature's key id
 * picks the key.
 */
public final class MinisignVerifier implements SignatureVerifier {

  private static final Logger LOG = LoggerFactory.getLogger(MinisignVerifier.class);

  private final Map<String, MinisignPublicKey> keys;
  private final List<String> trustedIds;

  /**
   * @param trustedKeys each the base64 key line or the whole {@code .pub} file text
   * @throws IllegalArgumentException naming the key (by index, from 1) that is malformed and why
   */
  public MinisignVerifier(List<String> trustedKeys) {
    Objects.requireNonNull(trustedKeys, "trustedKeys");
    Map<String, MinisignPublicKey> byId = new LinkedHashMap<>();
    for (int i = 0; i < trustedKeys.size(); i++) {
      MinisignPublicKey key = parseTrusted(i + 1, trustedKeys.get(i));
      MinisignPublicKey known = byId.putIfAbsent(key.keyIdHex(), key);
      if (known != null && !known.sameKey(key)) {
        throw new IllegalArgumentException("trusted public key #" + (i + 1) + " has the key id "
            + key.keyIdHex() + " of an earlier, different key; remove one of them");
      }
    }
    this.keys = Map.copyOf(byId);
    this.trustedIds = List.copyOf(byId.keySet());
  }

  private static MinisignPublicKey parseTrusted(int index, String text) {
    if (text == null) {
      throw new IllegalArgumentException("trusted public key #" + index + " is missing (null)");
    }
    try {
      return MinisignPublicKey.parse(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("trusted public key #" + index
          + " is not a minisign public key: " + e.getMessage()
          + ". Copy the second line of the publisher's minisign .pub file.", e);
    }
  }

  @Override
  public boolean hasTrustedKeys() {
    return !keys.isEmpty();
  }

  /** @return the ids of the trusted keys, in configuration order */
  public List<String> trustedKeyIds() {
    return trustedIds;
  }

  @Override
  public SignatureCheck verify(byte[] content, byte[] signature) {
    Objects.requireNonNull(content, "content");
    Objects.requireNonNull(signature, "signature");
    MinisignSignatureFile sig = parse(signature);
    MinisignPublicKey key = keys.get(sig.keyIdHex());
    if (key == null) {
      throw new SignatureInvalidException("The signature was made by key " + sig.keyIdHex()
          + ", which is not trusted here (trusted keys: " + describeTrusted() + "). If the "
          + "publisher rotated its key, add the new public key to the configuration.");
    }
    Ed25519Verify ed25519 = new Ed25519Verify(key.ed25519());
    byte[] signed = sig.prehashed() ? MinisignEncoding.prehash(content) : content;
    if (!valid(ed25519, sig.signature(), signed)) {
      throw new SignatureInvalidException("The signature does not match the file (key "
          + key.keyIdHex() + "): the file was changed after signing or signed by another key. "
          + "Do not install it; download the release again or ask the publisher.");
    }
    if (!valid(ed25519, sig.globalSignature(),
        MinisignEncoding.concat(sig.signature(), sig.trustedComment()))) {
      throw new SignatureInvalidException("The signature's trusted comment was tampered with "
          + "(its global signature does not match, key " + key.keyIdHex() + "). Do not install "
          + "this release; download the signature again or ask the publisher.");
    }
    LOG.debug("minisign signature verified with key {} ({})", key.keyIdHex(),
        sig.prehashed() ? "prehashed" : "legacy");
    return new SignatureCheck(key.keyIdHex(), sig.trustedCommentText());
  }

  private static MinisignSignatureFile parse(byte[] signature) {
    try {
      return MinisignSignatureFile.parse(signature);
    } catch (IllegalArgumentException e) {
      throw new SignatureInvalidException("The signature file is malformed: " + e.getMessage()
          + ". Download the .minisig file again; it must be the file minisign wrote.", e);
    }
  }

  private String describeTrusted() {
    return trustedIds.isEmpty() ? "none configured" : String.join(", ", trustedIds);
  }

  private static boolean valid(Ed25519Verify ed25519, byte[] sig, byte[] message) {
    try {
      ed25519.verify(sig, message);
      return true;
    } catch (GeneralSecurityException e) {
      return false;
    }
  }
}
