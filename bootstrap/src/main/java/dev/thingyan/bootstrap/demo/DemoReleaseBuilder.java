package dev.thingyan.bootstrap.demo;

import dev.thingyan.adapter.storage.verify.MinisignSigner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Builds the assets a sample app release publishes, as the app's CI would: {@code
 * app-<version>.tar.gz}, {@code release.json}, {@code SHA256SUMS} over both, and {@code
 * SHA256SUMS.minisig} signed with trusted comment {@code pms release v<version>} (the demo
 * repository's name: thingyan's {@code source.app_name} defaults to it).
 */
public final class DemoReleaseBuilder {

  /** The checksum list and its signature, named as thingyan looks for them. */
  public static final String SUMS = "SHA256SUMS";
  public static final String SIGNATURE = "SHA256SUMS.minisig";
  public static final String MANIFEST = "release.json";
  /** The demo app's name, as the demo repository ({@code demo/pms}) gives it. */
  public static final String APP_NAME = "pms";

  private final MinisignSigner signer;

  public DemoReleaseBuilder(MinisignSigner signer) {
    this.signer = Objects.requireNonNull(signer, "signer");
  }

  /**
   * Writes the release's assets into {@code outDir/<tag>/} (replacing what was there).
   *
   * @return the built release, its assets in publishing order
   */
  public DemoRelease build(SampleEdition edition, Path outDir) {
    Path dir = outDir.resolve(edition.tag());
    try {
      deleteTree(dir);
      Files.createDirectories(dir);
      Path tree = Files.createTempDirectory(outDir, ".tree-");
      try {
        SampleApp.writeRelease(edition, tree);
        Path pkg = dir.resolve("app-" + edition.version() + ".tar.gz");
        DemoArchive.tarGz(tree, "app-" + edition.version(), pkg);
        Path manifest = Files.writeString(dir.resolve(MANIFEST), manifest(edition));
        Path sums = Files.writeString(dir.resolve(SUMS), sums(List.of(pkg, manifest)));
        Path sig = Files.writeString(dir.resolve(SIGNATURE), signer.sign(Files.readAllBytes(sums),
            APP_NAME + " release " + edition.tag()));
        return new DemoRelease(edition.version(), edition.tag(), "Demo PMS " + edition.tag(),
            edition.notes(), dir, List.of(pkg, manifest, sums, sig));
      } finally {
        deleteTree(tree);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not build the demo release " + edition.tag()
          + " in " + dir + ": " + e.getMessage(), e);
    }
  }

  static String manifest(SampleEdition edition) {
    List<String> migrations = edition.migrations();
    String schema = migrations.get(migrations.size() - 1);
    return "{\n"
        + "  \"schema_version\": \"" + schema + "\",\n"
        + "  \"requires_migration\": true,\n"
        + "  \"migrations_reversible\": false,\n"
        + "  \"maintenance_required\": false"
        + (edition == SampleEdition.V1 ? "" : ",\n  \"upgrade_from\": \">=1.0.0\"")
        + "\n}\n";
  }

  /** @return sha256sum's text format: {@code <hex>  <name>} per line */
  static String sums(List<Path> files) throws IOException {
    StringBuilder out = new StringBuilder();
    for (Path f : files) {
      out.append(sha256(f)).append("  ").append(f.getFileName()).append('\n');
    }
    return out.toString();
  }

  static String sha256(Path file) throws IOException {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(md.digest(Files.readAllBytes(file)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    List<Path> all = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(all::add);
    }
    for (Path p : all) {
      Files.delete(p);
    }
  }
}
