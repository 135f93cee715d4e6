package dev.thingyan.ports.model;

import java.time.Instant;
import java.util.Objects;

/**
 * Who holds (or wants) the run lock: enough to tell a live holder from a dead one.
 *
 * @param bootId the kernel's boot id ({@code /proc/sys/kernel/random/boot_id}); a pid from an
 *     earlier boot is dead whatever process has that number now
 * @param leaseUntil after this instant the lock is stale even if the holder cannot be checked
 *     (another host)
 */
public record LockHolder(long pid, String host, String bootId, Instant acquiredAt, Instant leaseUntil) {
  public LockHolder {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(bootId, "bootId");
    Objects.requireNonNull(acquiredAt, "acquiredAt");
    Objects.requireNonNull(leaseUntil, "leaseUntil");
  }

  @Override
  public String toString() {
    return "pid " + pid + " on " + host + " since " + acquiredAt;
  }
}
