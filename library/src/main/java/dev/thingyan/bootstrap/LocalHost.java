package dev.thingyan.bootstrap;

import dev.thingyan.ports.model.LockHolder;
import dev.thingyan.ports.out.HostInfo;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/** This process and host: pid, host name and the kernel's boot id (Linux), from the JDK. */
final class LocalHost implements HostInfo {

  private static final Path BOOT_ID = Path.of("/proc/sys/kernel/random/boot_id");
  private static final Path HOST_NAME = Path.of("/proc/sys/kernel/hostname");
  private final Clock clock;
  private final String host;
  private final String bootId;

  LocalHost(Clock clock) {
    this.clock = clock;
    this.host = hostName();
    this.bootId = bootId();
  }

  @Override
  public LockHolder self(Duration lease) {
    var now = clock.instant();
    return new LockHolder(ProcessHandle.current().pid(), host, bootId, now, now.plus(lease));
  }

  @Override
  public boolean isAlive(long pid) {
    return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
  }

  /**
   * The kernel's host name (what gethostname(2) and {@code hostname} say). Read from /proc on
   * Linux rather than through {@link InetAddress#getLocalHost()}, which also resolves the name:
   * on a server offline with a DNS resolver configured and the name not in /etc/hosts, that
   * waits for the resolver's timeouts at every command.
   */
  static String hostName() {
    try {
      String name = Files.readString(HOST_NAME).trim();
      if (!name.isEmpty()) {
        return name;
      }
    } catch (IOException | RuntimeException e) {
      // not Linux: ask the JDK
    }
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return System.getenv().getOrDefault("HOSTNAME", "localhost");
    }
  }

  private static String bootId() {
    try {
      return Files.readString(BOOT_ID).trim();
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
  }
}
