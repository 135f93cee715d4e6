package dev.thingyan.domain.run;

import dev.thingyan.domain.policy.AssetGlob;
import dev.thingyan.domain.policy.ReleaseManifests;
import dev.thingyan.domain.policy.ReleaseSelection;
import dev.thingyan.domain.policy.Sha256Sums;
import dev.thingyan.ports.model.DownloadedFile;
import dev.thingyan.ports.model.Release;
import dev.thingyan.ports.model.ReleaseAsset;
import dev.thingyan.ports.model.ReleaseManifest;
import dev.thingyan.ports.model.SignatureCheck;
import dev.thingyan.ports.out.ReleaseSource;
import dev.thingyan.ports.out.SignatureVerifier;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Checks a release's small files before anything large is fetched: {@code SHA256SUMS}, its
 * minisign signature and trusted comment, and {@code release.json} against the checksums.
 */
final class ReleaseVerifier {

  static final String SUMS = "SHA256SUMS";
  static final String SIGNATURE = "SHA256SUMS.minisig";
  static final String MANIFEST = "release.json";

  private final ReleaseSource source;
  private final SignatureVerifier verifier;
  private final List<AssetGlob> packageGlobs;
  private final IntakeSettings intake;

  ReleaseVerifier(ReleaseSource source, SignatureVerifier verifier, List<String> packageGlobs,
      IntakeSettings intake) {
    this.source = source;
    this.verifier = verifier;
    this.packageGlobs = packageGlobs.stream().map(AssetGlob::new).toList();
    this.intake = intake;
  }

  /** @throws StepFailedException (step {@code verify}) saying what is wrong with the release */
  VerifiedRelease verify(Release release, Path dir) {
    ReleaseAsset sumsAsset = release.asset(SUMS).orElseThrow(() -> refuse(release,
        "has no " + SUMS + " asset, so its package cannot be checked"));
    byte[] sums = fetchSmall(release, sumsAsset, intake.maxSumsBytes(), dir);
    Optional<SignatureCheck> signature = checkSignature(release, sums, dir);
    Sha256Sums parsed;
    try {
      parsed = Sha256Sums.parse(new String(sums, StandardCharsets.UTF_8));
    } catch (IllegalArgumentException e) {
      throw refuse(release, "has an unreadable " + SUMS + ": " + e.getMessage());
    }
    uncovered(release, parsed);
    ReleaseAsset pkg = findPackage(release);
    String sum = parsed.sumOf(pkg.name()).orElseThrow(() -> refuse(release,
        "lists no checksum for its package " + pkg.name() + " in " + SUMS));
    return new VerifiedRelease(release, pkg, sum, manifest(release, parsed, dir), signature);
  }

  private Optional<SignatureCheck> checkSignature(Release release, byte[] sums, Path dir) {
    Optional<ReleaseAsset> sigAsset = release.asset(SIGNATURE);
    if (!verifier.hasTrustedKeys()) {
      return Optional.empty();
    }
    if (sigAsset.isEmpty()) {
      throw refuse(release, "is not signed (no " + SIGNATURE + "); only signed releases are installed");
    }
    SignatureCheck check;
    try {
      check = verifier.verify(sums,
          fetchSmall(release, sigAsset.get(), intake.maxSignatureBytes(), dir));
    } catch (RuntimeException e) {
      throw refuse(release, "has an invalid signature: " + RunRecorder.describe(e));
    }
    ReleaseSelection.trustedCommentRefusal(check.trustedComment(), intake.appName(),
        release.version()).ifPresent(why -> {
          throw refuse(release, "carries a signature that does not bind it: " + why);
        });
    return Optional.of(check);
  }

  /** SHA256SUMS covers every asset but itself and its signature; an extra file is refused. */
  private void uncovered(Release release, Sha256Sums sums) {
    List<String> extra = release.assets().stream().map(ReleaseAsset::name)
        .filter(n -> !n.equals(SUMS) && !n.equals(SIGNATURE) && sums.sumOf(n).isEmpty())
        .toList();
    if (!extra.isEmpty() && intake.refuseUncoveredAssets()) {
      throw refuse(release, "has asset(s) " + extra + " that " + SUMS + " does not cover; a "
          + "release's checksum list covers every file it publishes (set verify.uncovered_assets: "
          + "ignore only if the release process cannot)");
    }
  }

  private ReleaseAsset findPackage(Release release) {
    try {
      for (AssetGlob glob : packageGlobs) {
        Optional<ReleaseAsset> hit = glob.find(release);
        if (hit.isPresent()) return hit.get();
      }
    } catch (IllegalArgumentException e) {
      throw refuse(release, e.getMessage());
    }
    throw refuse(release, "has no asset matching " + packageGlobs + " (the app package)");
  }

  private ReleaseManifest manifest(Release release, Sha256Sums sums, Path dir) {
    Optional<ReleaseAsset> asset = release.asset(MANIFEST);
    if (asset.isEmpty()) {
      return ReleaseManifest.DEFAULT;
    }
    String expected = sums.sumOf(MANIFEST).orElseThrow(() -> refuse(release,
        "has a " + MANIFEST + " that " + SUMS + " does not cover"));
    byte[] manifest = fetchSmall(release, asset.get(), intake.maxManifestBytes(), dir);
    if (!Sha256Sums.hex(manifest).equals(expected)) {
      throw refuse(release, "has a " + MANIFEST + " whose checksum does not match " + SUMS);
    }
    try {
      return ReleaseManifests.parse(new String(manifest, StandardCharsets.UTF_8));
    } catch (IllegalArgumentException e) {
      throw refuse(release, e.getMessage());
    }
  }

  /**
   * Downloads a small file within its bound: a {@code check} writes nothing large, whatever a
   * release announces or a server sends.
   */
  private byte[] fetchSmall(Release release, ReleaseAsset asset, long max, Path dir) {
    if (asset.size() > max) {
      throw refuse(release, "has a " + asset.name() + " of " + asset.size() + " bytes, over the "
          + max + " bytes such a file may hold");
    }
    Path file = source.download(asset, fresh(dir.resolve(asset.name())), max, (d, t) -> {}).path();
    try {
      if (Files.size(file) > max) {
        throw refuse(release, "has a " + asset.name() + " over the " + max + " bytes it may hold");
      }
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A leftover from an earlier attempt would be taken for a partial download and resumed. */
  private static Path fresh(Path file) {
    try {
      Files.createDirectories(file.getParent());
      Files.deleteIfExists(file);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static StepFailedException refuse(Release release, String why) {
    return new StepFailedException("verify", "release " + release.tag() + " " + why);
  }
}
