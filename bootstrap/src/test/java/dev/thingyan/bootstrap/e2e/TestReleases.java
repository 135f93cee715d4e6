package dev.thingyan.bootstrap.e2e;

import dev.thingyan.bootstrap.demo.DemoRelease;
import dev.thingyan.bootstrap.demo.DemoReleaseBuilder;
import dev.thingyan.adapter.storage.verify.MinisignSigner;
import dev.thingyan.bootstrap.demo.SampleApp;
import dev.thingyan.bootstrap.demo.SampleEdition;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;

/**
 * Test-data builder for sample app releases that the demo's three editions do not cover: another
 * version number over an edition's files, a broken {@code /health}, another key, no signature, an
 * edited checksum list, a package altered after signing, or hostile archive entries. Assets are
 * laid out as the app's CI publishes them (see {@code DemoReleaseBuilder}).
 */
final class TestReleases {

  private final Path out;
  private final MinisignSigner signer;

  TestReleases(Path out, MinisignSigner signer) {
    this.out = out;
    this.signer = signer;
  }

  /** A release of version {@code version} holding the files (and migrations) of {@code files}. */
  Recipe of(SampleEdition files, String version) {
    return new Recipe(files, version);
  }

  /** The same assets published under another tag: a valid old signature replayed as new. */
  static DemoRelease retagged(DemoRelease original, String version) {
    return new DemoRelease(version, "v" + version, "replay of " + original.tag(), original.notes(),
        original.dir(), original.assets());
  }

  final class Recipe {
    private final SampleEdition files;
    private final String version;
    private String brokenHealth;
    private int brokenStatus = 503;
    private boolean maintenanceRequired;
    private MinisignSigner signedBy = signer;
    private boolean signed = true;
    private UnaryOperator<String> editSums = UnaryOperator.identity();
    private boolean tamperedAfterSigning;
    private UnaryOperator<String> comment = t -> DemoReleaseBuilder.APP_NAME + " release " + t;
    private final Map<String, String> extraAssets = new LinkedHashMap<>();
    private String manifestSuffix = "";
    private final Map<String, String> rawEntries = new LinkedHashMap<>();

    private Recipe(SampleEdition files, String version) {
      this.files = files;
      this.version = version;
    }

    /** Its {@code /health} answers 503 with this reason, like {@link SampleEdition#V3}. */
    Recipe brokenHealth(String why) {
      this.brokenHealth = why;
      return this;
    }

    /** Its {@code /health} answers {@code status} (e.g. 500: a release that runs and is broken). */
    Recipe brokenHealth(String why, int status) {
      this.brokenHealth = why;
      this.brokenStatus = status;
      return this;
    }

    /** Its release.json says {@code maintenance_required: true}. */
    Recipe maintenanceRequired() {
      this.maintenanceRequired = true;
      return this;
    }

    Recipe signedBy(MinisignSigner other) {
      this.signedBy = other;
      return this;
    }

    /** Publishes no {@code SHA256SUMS.minisig}. */
    Recipe unsigned() {
      this.signed = false;
      return this;
    }

    /** Edits {@code SHA256SUMS} before it is signed. */
    Recipe editSums(UnaryOperator<String> edit) {
      this.editSums = edit;
      return this;
    }

    /** Signs with this trusted comment, given the tag (default {@code pms release <tag>}). */
    Recipe comment(UnaryOperator<String> forTag) {
      this.comment = forTag;
      return this;
    }

    /** Publishes one more asset, which {@code SHA256SUMS} does not list. */
    Recipe uncoveredAsset(String name, String content) {
      extraAssets.put(name, content);
      return this;
    }

    /** Adds raw JSON members (e.g. {@code , "a": 1}) at the end of release.json's object. */
    Recipe manifestMembers(String members) {
      this.manifestSuffix = members;
      return this;
    }

    /** Rewrites the package (one more file in it) after {@code SHA256SUMS} was signed. */
    Recipe tamperedAfterSigning() {
      this.tamperedAfterSigning = true;
      return this;
    }

    /** Adds an entry with exactly this name to the archive, after the regular ones. */
    Recipe rawEntry(String name, String content) {
      rawEntries.put(name, content);
      return this;
    }

    DemoRelease build() {
      String tag = "v" + version;
      try {
        Path dir = Files.createDirectories(out.resolve(tag + "-" + System.nanoTime()));
        Path tree = SampleApp.writeRelease(files, Files.createTempDirectory(out, ".tree-"));
        Files.writeString(tree.resolve("config/app.properties"), "version=" + version + "\n"
            + (brokenHealth == null ? "" : "health.broken=" + brokenHealth + "\n"
                + "health.broken_status=" + brokenStatus + "\n"));
        Path pkg = dir.resolve("app-" + version + ".tar.gz");
        tarGz(tree, "app-" + version, rawEntries, pkg);
        Path manifest = Files.writeString(dir.resolve("release.json"), manifest());
        Path sums = Files.writeString(dir.resolve("SHA256SUMS"),
            editSums.apply(sha256(pkg) + "  " + pkg.getFileName() + "\n"
                + sha256(manifest) + "  " + manifest.getFileName() + "\n"));
        List<Path> assets = new ArrayList<>(List.of(pkg, manifest, sums));
        if (signed) {
          assets.add(Files.write(dir.resolve("SHA256SUMS.minisig"),
              signedBy.sign(Files.readAllBytes(sums), comment.apply(tag)).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }
        for (Map.Entry<String, String> e : extraAssets.entrySet()) {
          assets.add(Files.writeString(dir.resolve(e.getKey()), e.getValue()));
        }
        if (tamperedAfterSigning) {
          Files.writeString(tree.resolve("bin/backdoor.sh"), "#!/bin/sh\necho pwned\n");
          tarGz(tree, "app-" + version, rawEntries, pkg);
        }
        return new DemoRelease(version, tag, "Test PMS " + tag, "built by the e2e tests", dir, assets);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    private String manifest() {
      List<String> migrations = files.migrations();
      return "{\"schema_version\": \"" + migrations.get(migrations.size() - 1) + "\","
          + " \"requires_migration\": " + version.equals(files.version()) + ","
          + (maintenanceRequired ? " \"maintenance_required\": true," : "")
          + " \"upgrade_from\": \">=1.0.0\"" + manifestSuffix + "}\n";
    }
  }

  /** Packs {@code tree} under one top folder, then appends {@code raw} entries named verbatim. */
  static void tarGz(Path tree, String top, Map<String, String> raw, Path target) throws IOException {
    List<Path> paths;
    try (Stream<Path> walk = Files.walk(tree)) {
      paths = walk.filter(p -> !p.equals(tree)).sorted().toList();
    }
    try (OutputStream file = Files.newOutputStream(target);
        TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(file))) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      tar.putArchiveEntry(new TarArchiveEntry(top + "/"));
      tar.closeArchiveEntry();
      for (Path p : paths) {
        String name = top + "/" + tree.relativize(p);
        TarArchiveEntry e = new TarArchiveEntry(Files.isDirectory(p) ? name + "/" : name);
        if (!Files.isDirectory(p)) {
          e.setSize(Files.size(p));
          e.setMode(Files.isExecutable(p) ? 0100755 : 0100644);
        }
        tar.putArchiveEntry(e);
        if (!Files.isDirectory(p)) {
          Files.copy(p, tar);
        }
        tar.closeArchiveEntry();
      }
      for (Map.Entry<String, String> r : raw.entrySet()) {
        byte[] bytes = r.getValue().getBytes(StandardCharsets.UTF_8);
        TarArchiveEntry e = new TarArchiveEntry(r.getKey(), true); // true: keep the name as given
        e.setSize(bytes.length);
        tar.putArchiveEntry(e);
        tar.write(bytes);
        tar.closeArchiveEntry();
      }
      tar.finish();
    }
  }

  static String sha256(Path file) throws IOException {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
