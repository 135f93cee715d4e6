package dev.thingyan.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.ProcessBuilder.Redirect;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The floor of {@code thingyan backup}: what any JVM that stores a checksummed backup pays, with
 * none of thingyan in it. {@code bench/backup.sh} runs it beside {@code thingyan backup} and the
 * shell reference, with the launcher's JVM options, so that the gap between thingyan and the
 * reference splits into what a JVM costs at all and what thingyan adds.
 *
 * <p>{@code BackupFloor pipe|journal OUT_FILE JOURNAL_DIR DUMP_COMMAND...}
 *
 * <ul>
 *   <li>{@code pipe}: {@code DUMP_COMMAND | zstd -3 -q -c} started as one OS pipeline, the
 *       compressed bytes hashed (SHA-256) and written to a partial file beside {@code OUT_FILE},
 *       both exit statuses checked, then fsync, rename, fsync of the folder: thingyan's data path
 *       to a local folder, without its dump checks, configuration, logging or journal.
 *   <li>{@code journal}: the same, plus the least a catalogued backup needs from an embedded
 *       journal, through the libraries thingyan is built on (Jdbi over an H2 file with
 *       {@code AUTO_SERVER=TRUE}): open it (tables made on the first run), take a lock row and
 *       write an audit row while the dump runs, then a catalogue row, a listing and the release.
 * </ul>
 *
 * Prints {@code SHA256 SIZE}.
 */
public final class BackupFloor {
  private BackupFloor() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 4 || !(args[0].equals("pipe") || args[0].equals("journal"))) {
      System.err.println("usage: BackupFloor pipe|journal OUT_FILE JOURNAL_DIR DUMP_COMMAND...");
      System.exit(2);
    }
    Path out = Path.of(args[1]).toAbsolutePath();
    Path journalDir = Path.of(args[2]).toAbsolutePath();
    List<String> dump = Arrays.asList(args).subList(3, args.length);
    CompletableFuture<String> stored = CompletableFuture.supplyAsync(() -> store(dump, out));
    if (args[0].equals("pipe")) {
      System.out.println(stored.join());
      return;
    }
    Files.createDirectories(journalDir);
    Jdbi jdbi = Jdbi.create("jdbc:h2:file:" + journalDir.resolve("floor") + ";AUTO_SERVER=TRUE", "sa", "");
    try (Handle h = jdbi.open()) {
      h.execute("CREATE TABLE IF NOT EXISTS floor_lock (name VARCHAR(32) PRIMARY KEY, holder VARCHAR(64))");
      h.execute("CREATE TABLE IF NOT EXISTS floor_audit (id BIGINT AUTO_INCREMENT PRIMARY KEY,"
          + " at TIMESTAMP WITH TIME ZONE NOT NULL, event VARCHAR(64) NOT NULL)");
      h.execute("CREATE TABLE IF NOT EXISTS floor_backup (id VARCHAR(64) PRIMARY KEY,"
          + " at TIMESTAMP WITH TIME ZONE NOT NULL, sha256 CHAR(64) NOT NULL, size BIGINT NOT NULL)");
      String holder = UUID.randomUUID().toString();
      h.createUpdate("INSERT INTO floor_lock (name, holder) VALUES ('run', :holder)").bind("holder", holder).execute();
      try {
        h.createUpdate("INSERT INTO floor_audit (at, event) VALUES (:at, 'backup_started')").bind("at", Instant.now()).execute();
        String[] result = stored.join().split(" ");
        h.createUpdate("INSERT INTO floor_backup (id, at, sha256, size) VALUES (:id, :at, :sha, :size)")
            .bind("id", holder).bind("at", Instant.now()).bind("sha", result[0]).bind("size", Long.parseLong(result[1]))
            .execute();
        h.createUpdate("INSERT INTO floor_audit (at, event) VALUES (:at, 'backup_stored')").bind("at", Instant.now()).execute();
        h.createQuery("SELECT id, sha256, size FROM floor_backup ORDER BY at DESC").mapToMap().list();
      } finally {
        h.createUpdate("DELETE FROM floor_lock WHERE name = 'run' AND holder = :holder").bind("holder", holder).execute();
      }
    }
    System.out.println(stored.join());
  }

  private static String store(List<String> dump, Path out) {
    Path partial = out.resolveSibling("." + out.getFileName() + ".partial");
    try {
      List<Process> tools = ProcessBuilder.startPipeline(List.of(
          new ProcessBuilder(dump).redirectError(Redirect.INHERIT),
          new ProcessBuilder("zstd", "-3", "-q", "-c").redirectError(Redirect.INHERIT)));
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      long size = 0;
      byte[] buffer = new byte[64 * 1024];
      try (InputStream in = tools.get(1).getInputStream();
          FileChannel file = FileChannel.open(partial, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
          OutputStream os = java.nio.channels.Channels.newOutputStream(file)) {
        for (int n; (n = in.read(buffer)) > 0; size += n) {
          sha.update(buffer, 0, n);
          os.write(buffer, 0, n);
        }
        for (Process tool : tools) {
          if (tool.waitFor() != 0) {
            throw new IOException(tool.info().command().orElse("a tool") + " exited with " + tool.exitValue());
          }
        }
        if (size == 0) {
          throw new IOException("empty dump");
        }
        file.force(true);
      }
      Files.move(partial, out, StandardCopyOption.ATOMIC_MOVE);
      try (FileChannel dir = FileChannel.open(out.getParent(), StandardOpenOption.READ)) {
        dir.force(true);
      }
      return HexFormat.of().formatHex(sha.digest()) + " " + size;
    } catch (IOException | InterruptedException | java.security.NoSuchAlgorithmException e) {
      try {
        Files.deleteIfExists(partial);
      } catch (IOException ignored) {
        // the failure below is what matters
      }
      throw new IllegalStateException(e);
    }
  }
}
