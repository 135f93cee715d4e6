package dev.thingyan.ports.out;

import dev.thingyan.ports.model.AccessCheckResult;
import java.nio.file.Path;

/**
 * Whether the app's user (the one PHP-FPM or the app service runs as) can write the paths the app
 * writes at run time (Laravel: {@code storage/}, {@code bootstrap/cache}), everything under them
 * included: one file left owned by root in {@code storage/framework/views} answers every request
 * with 500.
 */
public interface AppWriteAccess {

  /**
   * @param base a folder holding the app's writable paths: {@code shared/} before an update, the
   *     staged release (its links into {@code shared/} followed) after the shared paths are linked;
   *     a writable path not present under it is skipped
   */
  AccessCheckResult check(Path base);
}
