package dev.thingyan.bootstrap.config;

import java.util.Base64;
import java.util.List;

/**
 * The {@code verify} section.
 *
 * @param publicKeys trusted minisign public keys, each the base64 line of a {@code .pub} file
 *     (several, so that a key can be rotated)
 * @param allowUnsigned accept releases without a signature; only when no key is configured
 * @param appName {@code source.app_name}: the app a signature's trusted comment must name (by
 *     default the GitHub repository's name; empty for a folder source that sets none)
 * @param refuseUncoveredAssets {@code verify.uncovered_assets: refuse} (the default)
 * @param maxPackageBytes {@code limits.max_package_size}
 * @param maxSmallBytes {@code limits.max_checksums_size}, {@code max_signature_size},
 *     {@code max_manifest_size}: SHA256SUMS, the signature and release.json, in that order
 */
public record VerifyConfig(List<String> publicKeys, boolean allowUnsigned,
    java.util.Optional<String> appName, boolean refuseUncoveredAssets, long maxPackageBytes,
    List<Long> maxSmallBytes) {
  /** The defaults of the release intake settings. */
  public VerifyConfig(List<String> publicKeys, boolean allowUnsigned) {
    this(publicKeys, allowUnsigned, java.util.Optional.empty(), true, 4L << 30, DEFAULT_SMALL);
  }

  /** SHA256SUMS 64 KiB, the signature 4 KiB, release.json 64 KiB. */
  public static final List<Long> DEFAULT_SMALL = List.of(64L << 10, 4L << 10, 64L << 10);

  public VerifyConfig {
    java.util.Objects.requireNonNull(appName, "source.app_name");
    publicKeys = List.copyOf(publicKeys);
    maxSmallBytes = List.copyOf(maxSmallBytes);
    if (maxSmallBytes.size() != 3) {
      throw new IllegalArgumentException("maxSmallBytes: SHA256SUMS, signature, release.json");
    }
    for (String key : publicKeys) {
      if (!isMinisignKey(key)) {
        throw new IllegalArgumentException("verify.public_keys: '" + key + "' is not a minisign"
            + " public key; expected the second line of the .pub file (RWQ…), or file:/path/key.pub");
      }
    }
    if (publicKeys.isEmpty() && !allowUnsigned) {
      throw new IllegalArgumentException("verify.public_keys: no key configured; add the release"
          + " signing key or set verify.allow_unsigned: true (not recommended)");
    }
  }

  /** @return true for base64 of 42 bytes starting with the Ed25519 algorithm id {@code Ed}. */
  static boolean isMinisignKey(String key) {
    try {
      byte[] raw = Base64.getDecoder().decode(key);
      return raw.length == 42 && raw[0] == 'E' && raw[1] == 'd';
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
