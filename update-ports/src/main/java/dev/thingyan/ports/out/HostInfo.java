package dev.thingyan.ports.out;

import dev.thingyan.ports.model.LockHolder;
import java.time.Duration;

/** Facts about this process and host, to tell a live lock holder from a dead one. */
public interface HostInfo {

  /** @return a holder describing this process, leased for {@code lease}. */
  LockHolder self(Duration lease);

  /** @return true when a process with this pid runs on this host and boot. */
  boolean isAlive(long pid);
}
