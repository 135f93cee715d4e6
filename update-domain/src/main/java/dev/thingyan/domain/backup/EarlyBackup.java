package dev.thingyan.domain.backup;

import dev.thingyan.domain.policy.LockPolicy;
import dev.thingyan.ports.model.BackupKind;
import dev.thingyan.ports.model.LockHolder;
import dev.thingyan.ports.out.BackupCodec;
import dev.thingyan.ports.out.BackupException;
import dev.thingyan.ports.out.BackupStore;
import dev.thingyan.ports.out.DatabaseDumper;
import dev.thingyan.ports.out.HostInfo;
import dev.thingyan.ports.out.RunLock;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongConsumer;

/**
 * A manual backup whose dump began before the caller could check that a backup may run. The
 * standalone {@code thingyan backup} starts the dump tool as soon as it has read its
 * configuration, and opens the journal (pool, schema check, recovery, locks, audit) beside it
 * rather than before it: on a small server that start-up is most of a backup's fixed cost.
 *
 * <p>Nothing of it is visible before {@link BackupService#finish} says yes: the dump streams into
 * the store's unfinished upload, which is committed only then. {@link #cancel()} (the checks
 * refused, recovery has work to do, the system is closed unused) kills the dump's tools and fails
 * every write, and the upload is dropped.
 *
 * <p>It is begun only when no live process holds this host's run lock (another thingyan's update
 * may be running migrations, which a dump's table locks must not hold up); the lock itself is
 * taken, with the journal's, by the caller's normal path, which refuses and cancels this when
 * anything else is in the way.
 */
public final class EarlyBackup {

  /** How long {@link #cancel()} waits for the dump's thread to stop its tools and drop the upload. */
  static final long CANCEL_WAIT_SECONDS = 10;

  private final CompletableFuture<Boolean> decision = new CompletableFuture<>();
  private final CompletableFuture<BackupService.Dumped> result;
  private final DumpStopper stopper = new DumpStopper();

  private EarlyBackup(BackupService service, BackupKind kind, LongConsumer progress) {
    // a daemon thread: a dump blocked on the database must not keep the JVM alive after its
    // command ended
    this.result = CompletableFuture.supplyAsync(
        () -> service.dump(kind, progress, decision::join, stopper),
        BackupService.daemonThread("thingyan-early-backup"));
  }

  /**
   * Begins a manual backup's dump now, on a daemon thread of its own, unless a live process holds
   * {@code localLock}.
   *
   * @param localLock this host's run lock (a file), readable without the journal
   * @return the dump begun, or empty when the lock's holder is alive (the caller's normal path
   *     will refuse, naming it)
   */
  public static Optional<EarlyBackup> beginUnlessLocked(DatabaseDumper dumper, BackupStore store,
      BackupCodec codec, Clock clock, RunLock localLock, HostInfo host, Duration lease,
      Duration dumpTimeout, LongConsumer progress) {
    Optional<LockHolder> holder = localLock.holder();
    if (holder.isPresent()
        && LockPolicy.staleReason(holder.get(), host.self(lease), clock.instant(), host::isAlive) == null) {
      return Optional.empty();
    }
    // the catalog is the journal's, not open yet: BackupService.finish records it later
    return Optional.of(new EarlyBackup(new BackupService(dumper, store, codec, null, clock, dumpTimeout),
        BackupKind.MANUAL, progress));
  }

  /**
   * Lets the dump be stored and waits for it.
   *
   * @throws BackupException when the dump failed or was cancelled
   */
  BackupService.Dumped await() {
    decision.complete(true);
    try {
      return result.join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : e;
    }
  }

  /**
   * Stops the dump (its tools are killed, also one blocked on the database) and drops what it
   * wrote; does nothing once {@link BackupService#finish} has it. Waits up to
   * {@value #CANCEL_WAIT_SECONDS} s for the dump's thread to drop the upload.
   */
  public void cancel() {
    decision.complete(false);
    if (decision.join()) {
      return; // finish took it first
    }
    stopper.stop("the backup was cancelled before it was stored: its tools were stopped and nothing was kept");
    try {
      result.get(CANCEL_WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException expected) {
      // cancelled as asked (or failed on its own): nothing was stored either way
    }
  }
}
