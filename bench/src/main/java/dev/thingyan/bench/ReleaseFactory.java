package dev.thingyan.bench;

import dev.thingyan.adapter.storage.verify.MinisignSigner;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.SplittableRandom;
import java.util.zip.Deflater;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipParameters;

/**
 * Builds signed releases of a given size, as an app's CI would and as the demo does
 * ({@link MinisignSigner}: minisign, prehashed, trusted comment {@code app release v<version>}, the bench repository {@code bench/app}'s name):
 * {@code <dir>/v<version>/} holds {@code app-<version>.tar.gz} (one incompressible file of random
 * bytes plus a VERSION file), {@code release.json} (no migration), {@code SHA256SUMS} and
 * {@code SHA256SUMS.minisig}. That layout is both a folder source and what the bench server
 * publishes as GitHub Releases.
 *
 * <p>{@code ReleaseFactory --dir D --pubkey FILE --release 2.0.0=200 [--release ...]} (sizes in
 * MB, 10^6 bytes, of the random file; the package is a few KB larger).
 */
public final class ReleaseFactory {
  private static final int CHUNK = 1 << 20;

  private ReleaseFactory() {}

  public static void main(String[] argv) throws Exception {
    Args args = new Args(argv);
    Path dir = Path.of(args.get("dir"));
    Files.createDirectories(dir);
    MinisignSigner signer = MinisignSigner.generate();
    for (String spec : args.all("release")) {
      String[] p = spec.split("=");
      long t0 = System.nanoTime();
      Path pkg = build(dir, p[0], Long.parseLong(p[1]) * 1_000_000L, signer);
      System.out.printf("built v%s: %s (%d bytes) in %.1f s%n", p[0], pkg.getFileName(),
          Files.size(pkg), (System.nanoTime() - t0) / 1e9);
    }
    Files.writeString(Path.of(args.get("pubkey")), signer.publicKeyLine() + "\n");
  }

  static Path build(Path dir, String version, long bytes, MinisignSigner signer) throws IOException {
    String tag = "v" + version;
    Path rel = Files.createDirectories(dir.resolve(tag));
    Path pkg = rel.resolve("app-" + version + ".tar.gz");
    writePackage(pkg, "app-" + version, version, bytes);
    Path manifest = Files.writeString(rel.resolve("release.json"), "{\n"
        + "  \"requires_migration\": false,\n"
        + "  \"migrations_reversible\": true,\n"
        + "  \"maintenance_required\": false\n"
        + "}\n");
    String sums = sha256(pkg) + "  " + pkg.getFileName() + "\n"
        + sha256(manifest) + "  " + manifest.getFileName() + "\n";
    Path sumsFile = Files.writeString(rel.resolve("SHA256SUMS"), sums);
    Files.write(rel.resolve("SHA256SUMS.minisig"),
        signer.sign(Files.readAllBytes(sumsFile), "app release " + tag).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    return pkg;
  }

  // Random bytes do not compress: any gzip level ends up storing them (deflate "stored" blocks,
  // which is what level 0 writes directly and fast), so the package is as large as the file.
  private static void writePackage(Path pkg, String top, String version, long bytes)
      throws IOException {
    GzipParameters gz = new GzipParameters();
    gz.setCompressionLevel(Deflater.NO_COMPRESSION);
    try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(pkg), CHUNK);
        TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(file, gz))) {
      tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
      dir(tar, top + "/");
      byte[] v = (version + "\n").getBytes(StandardCharsets.UTF_8);
      file(tar, top + "/VERSION", v.length);
      tar.write(v);
      tar.closeArchiveEntry();
      dir(tar, top + "/data/");
      file(tar, top + "/data/blob.bin", bytes);
      SplittableRandom random = new SplittableRandom(bytes ^ version.hashCode());
      byte[] chunk = new byte[CHUNK];
      for (long left = bytes; left > 0; ) {
        for (int i = 0; i < chunk.length; i += 8) {
          long r = random.nextLong();
          for (int k = 0; k < 8; k++) {
            chunk[i + k] = (byte) (r >>> (8 * k));
          }
        }
        int n = (int) Math.min(chunk.length, left);
        tar.write(chunk, 0, n);
        left -= n;
      }
      tar.closeArchiveEntry();
      tar.finish();
    }
  }

  private static void dir(TarArchiveOutputStream tar, String name) throws IOException {
    TarArchiveEntry e = new TarArchiveEntry(name);
    e.setMode(040755);
    tar.putArchiveEntry(e);
    tar.closeArchiveEntry();
  }

  private static void file(TarArchiveOutputStream tar, String name, long size) throws IOException {
    TarArchiveEntry e = new TarArchiveEntry(name);
    e.setMode(0100644);
    e.setSize(size);
    tar.putArchiveEntry(e);
  }

  static String sha256(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      byte[] buf = new byte[CHUNK];
      for (int n; (n = in.read(buf)) > 0; ) {
        md.update(buf, 0, n);
      }
      return HexFormat.of().formatHex(md.digest());
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
