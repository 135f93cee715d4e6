package dev.thingyan.domain.policy;

import dev.thingyan.ports.model.LockHolder;
import java.time.Instant;
import java.util.function.LongPredicate;

/**
 * Decides whether a lock holder is gone: a stale lock is broken, a live one is obeyed. On this
 * host the process table and the boot id tell; for another host only the lease does.
 */
public final class LockPolicy {

  private LockPolicy() {}

  /**
   * @param self this process, as a holder (its host and boot id)
   * @param alive whether a pid runs on this host now
   * @return the reason the holder is stale, or null when it must be obeyed
   */
  public static String staleReason(LockHolder holder, LockHolder self, Instant now, LongPredicate alive) {
    if (holder.host().equals(self.host())) {
      if (!holder.bootId().equals(self.bootId())) {
        return "its holder (" + holder + ") ran before the last reboot";
      }
      if (holder.pid() != self.pid() && !alive.test(holder.pid())) {
        return "its holder (" + holder + ") is no longer running";
      }
      return null;
    }
    return now.isAfter(holder.leaseUntil())
        ? "its holder's lease (" + holder + ") expired at " + holder.leaseUntil()
        : null;
  }
}
