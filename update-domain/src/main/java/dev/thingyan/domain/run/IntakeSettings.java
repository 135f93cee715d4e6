package dev.thingyan.domain.run;

import java.util.Objects;
import java.util.Optional;

/**
 * How releases are taken in: whose signatures count, what SHA256SUMS must cover, how large a
 * download may grow.
 *
 * @param appName the app a release's signed trusted comment must name ({@code source.app_name},
 *     by default the repository's name); empty only when signatures are not checked
 * @param refuseUncoveredAssets {@code verify.uncovered_assets: refuse}: a release asset that
 *     SHA256SUMS does not list (besides the signature) is refused, not ignored
 * @param maxPackageBytes {@code limits.max_package_size}: the most a package download may hold
 * @param allowPreRelease {@code source.github.allow_prerelease}: pre-releases are candidates and
 *     may be named without {@code --pre}
 * @param maxSumsBytes {@code limits.max_checksums_size}: the most SHA256SUMS may hold
 * @param maxSignatureBytes {@code limits.max_signature_size}: the most the signature may hold
 * @param maxManifestBytes {@code limits.max_manifest_size}: the most release.json may hold
 */
public record IntakeSettings(Optional<String> appName, boolean refuseUncoveredAssets,
    long maxPackageBytes, boolean allowPreRelease, long maxSumsBytes, long maxSignatureBytes,
    long maxManifestBytes) {
  /** 4 GiB, the default total an archive may unpack to: a package larger than that cannot fit. */
  public static final long DEFAULT_MAX_PACKAGE = 4L << 30;
  public static final IntakeSettings DEFAULT =
      new IntakeSettings(Optional.empty(), true, DEFAULT_MAX_PACKAGE, false);
  /** SHA256SUMS lists a handful of files: a few lines of 80 characters. */
  public static final long MAX_SUMS_BYTES = 64 << 10;
  /** A minisign signature file is about 300 bytes with its comments. */
  public static final long MAX_SIGNATURE_BYTES = 4 << 10;
  /** release.json holds a few keys. */
  public static final long MAX_MANIFEST_BYTES = 64 << 10;

  /** The small files at their default bounds. */
  public IntakeSettings(Optional<String> appName, boolean refuseUncoveredAssets,
      long maxPackageBytes, boolean allowPreRelease) {
    this(appName, refuseUncoveredAssets, maxPackageBytes, allowPreRelease, MAX_SUMS_BYTES,
        MAX_SIGNATURE_BYTES, MAX_MANIFEST_BYTES);
  }

  public IntakeSettings {
    Objects.requireNonNull(appName, "appName");
    appName.ifPresent(n -> {
      if (!n.matches("[A-Za-z0-9._-]{1,100}")) {
        throw new IllegalArgumentException("appName: '" + n + "' is not a plain name (letters, "
            + "digits, '.', '_', '-')");
      }
    });
    if (maxPackageBytes < 1 || maxSumsBytes < 1 || maxSignatureBytes < 1
        || maxManifestBytes < 1) {
      throw new IllegalArgumentException("download limits must be positive");
    }
  }
}
