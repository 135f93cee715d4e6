package dev.thingyan.adapter.storage.backup;

import dev.thingyan.ports.out.DumpCompressor;
import java.io.File;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code zstd} command-line program as the dump pipeline's compressor, at the same level as
 * the in-JVM codec (3), so backups made either way are alike. With it, the dump goes from the dump
 * tool to {@code zstd} through an operating-system pipe: the JVM neither copies the uncompressed
 * bytes nor spends its CPU on compressing them, which made a backup several times slower than
 * {@code pg_dump | zstd} on a busy server. {@code -q}: no progress lines on its standard error,
 * which the pipeline keeps for error messages.
 */
public final class ZstdProgram implements DumpCompressor {

  private final Path program;

  /** @param program the {@code zstd} executable, e.g. {@code /usr/bin/zstd} */
  public ZstdProgram(Path program) {
    this.program = Objects.requireNonNull(program, "program").toAbsolutePath();
  }

  /** @return {@code zstd} from the {@code PATH}, when it is installed and executable */
  public static Optional<ZstdProgram> onPath() {
    String path = Objects.requireNonNullElse(System.getenv("PATH"), "");
    for (String dir : path.split(File.pathSeparator)) {
      if (dir.isBlank()) {
        continue;
      }
      Path candidate = Path.of(dir, "zstd");
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return Optional.of(new ZstdProgram(candidate));
      }
    }
    return Optional.empty();
  }

  @Override
  public List<String> command() {
    return List.of(program.toString(), "-" + ZstdBackupCodec.LEVEL, "-q", "-c");
  }

  @Override
  public String name() {
    return "zstd";
  }

  @Override
  public InputStream decompress(InputStream compressed) {
    return ZstdBackupCodec.decompress(Objects.requireNonNull(compressed, "compressed"));
  }

  @Override
  public String toString() {
    return String.join(" ", command());
  }
}
