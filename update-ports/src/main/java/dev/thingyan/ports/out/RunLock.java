package dev.thingyan.ports.out;

import dev.thingyan.ports.model.LockHolder;
import java.util.Optional;

/**
 * One of the locks that make sure only one run happens at a time (the journal's lock row, the file
 * lock on the app root). The domain decides whether a holder is stale; the lock only does
 * compare-and-set.
 */
public interface RunLock {

  /** @return a short name for messages, e.g. {@code journal} or {@code file /srv/app/.thingyan/lock}. */
  String name();

  /** @return the current holder, if the lock is held. */
  Optional<LockHolder> holder();

  /**
   * Takes the lock for {@code me} if its holder is still {@code expected} (empty: free).
   *
   * @return false when someone else holds it or took it first
   */
  boolean tryAcquire(LockHolder me, Optional<LockHolder> expected);

  /** Releases the lock if {@code me} holds it; does nothing otherwise. */
  void release(LockHolder me);
}
