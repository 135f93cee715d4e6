package dev.thingyan.bootstrap.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads {@code *_file} keys. Secrets live in their own files (mode 600) so the configuration file
 * can be shown, copied and kept in version control without them.
 */
final class SecretFiles {
  private SecretFiles() {}

  static Optional<Secret> read(ConfigNode key) {
    return key.pathValue().flatMap(file -> read(key, file));
  }

  private static Optional<Secret> read(ConfigNode key, Path file) {
    try {
      String value = Files.readString(file, StandardCharsets.UTF_8).strip();
      if (value.isEmpty()) {
        key.problem("the file " + file + " is empty; write the secret into it");
        return Optional.empty();
      }
      return Optional.of(new Secret(value));
    } catch (NoSuchFileException e) {
      key.problem("the file " + file + " does not exist; create it with the secret (chmod 600)");
    } catch (IOException e) {
      key.problem("cannot read " + file + " (" + e.getClass().getSimpleName()
          + "); make it readable by the user running thingyan");
    }
    return Optional.empty();
  }
}
