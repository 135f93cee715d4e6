package dev.thingyan.domain.run;

import dev.thingyan.domain.policy.LockPolicy;
import dev.thingyan.ports.in.RunRefusedException;
import dev.thingyan.ports.model.LockHolder;
import dev.thingyan.ports.out.HostInfo;
import dev.thingyan.ports.out.RunLock;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * Takes every run lock or none: one run at a time. A holder that is gone (dead pid, earlier
 * boot, expired lease) is detected and its lock broken, never obeyed.
 */
final class RunLocks {

  private final List<RunLock> locks;
  private final HostInfo host;
  private final Clock clock;
  private final Duration lease;

  RunLocks(List<RunLock> locks, HostInfo host, Clock clock, Duration lease) {
    this.locks = locks;
    this.host = host;
    this.clock = clock;
    this.lease = lease;
  }

  /** @throws RunRefusedException naming the live holder when a lock is held */
  Held acquire() {
    LockHolder me = host.self(lease);
    Deque<RunLock> taken = new ArrayDeque<>();
    List<String> notes = new ArrayList<>();
    try {
      for (RunLock lock : locks) {
        Optional<LockHolder> holder = lock.holder();
        if (holder.isPresent()) {
          String stale = LockPolicy.staleReason(holder.get(), me, clock.instant(), host::isAlive);
          if (stale == null) {
            throw new RunRefusedException("another thingyan process is working (" + holder.get()
                + " holds the " + lock.name() + " lock): wait for it to finish; `thingyan status` shows its progress");
          }
          notes.add("broke the stale " + lock.name() + " lock: " + stale);
        }
        if (!lock.tryAcquire(me, holder)) {
          throw new RunRefusedException("another thingyan process took the " + lock.name()
              + " lock at the same moment: wait for it to finish; `thingyan status` shows its progress");
        }
        taken.push(lock);
      }
    } catch (RuntimeException e) {
      taken.forEach(l -> l.release(me));
      throw e;
    }
    return new Held(me, taken, notes);
  }

  /** The locks held for one run; closing releases them in reverse order. */
  static final class Held implements AutoCloseable {
    private final LockHolder me;
    private final Deque<RunLock> taken;
    private final List<String> notes;

    private Held(LockHolder me, Deque<RunLock> taken, List<String> notes) {
      this.me = me;
      this.taken = taken;
      this.notes = List.copyOf(notes);
    }

    /** @return what was noticed while locking (stale locks broken), for the run log. */
    List<String> notes() {
      return notes;
    }

    @Override
    public void close() {
      taken.forEach(l -> l.release(me));
    }
  }
}
