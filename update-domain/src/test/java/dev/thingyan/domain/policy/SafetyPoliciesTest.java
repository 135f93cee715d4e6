package dev.thingyan.domain.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.thingyan.ports.model.LockHolder;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SafetyPoliciesTest {

  private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

  private static LockHolder holder(long pid, String host, String boot, Instant leaseUntil) {
    return new LockHolder(pid, host, boot, NOW.minusSeconds(60), leaseUntil);
  }

  @Test
  void aLiveHolderOnThisHostIsObeyedADeadOneIsNot() {
    LockHolder me = holder(100, "h", "boot1", NOW.plusSeconds(3600));
    LockHolder other = holder(200, "h", "boot1", NOW.plusSeconds(3600));
    assertThat(LockPolicy.staleReason(other, me, NOW, pid -> true)).isNull();
    assertThat(LockPolicy.staleReason(other, me, NOW, pid -> false)).contains("no longer running");
  }

  @Test
  void aHolderFromAnEarlierBootIsStaleEvenIfItsPidIsReused() {
    LockHolder me = holder(100, "h", "boot2", NOW.plusSeconds(3600));
    assertThat(LockPolicy.staleReason(holder(200, "h", "boot1", NOW.plusSeconds(3600)), me, NOW, pid -> true))
        .contains("reboot");
  }

  @Test
  void onAnotherHostOnlyTheLeaseTells() {
    LockHolder me = holder(100, "h", "boot1", NOW.plusSeconds(3600));
    assertThat(LockPolicy.staleReason(holder(200, "other", "b", NOW.plusSeconds(10)), me, NOW, pid -> false)).isNull();
    assertThat(LockPolicy.staleReason(holder(200, "other", "b", NOW.minusSeconds(10)), me, NOW, pid -> true)).contains("expired");
  }

  @Test
  void secretsAndCredentialsAreMasked() {
    SecretMasker m = new SecretMasker(List.of("s3cr3t-token", "pw", "hunter22"));
    assertThat(m.mask("token s3cr3t-token and hunter22, pw stays")).isEqualTo("token *** and ***, pw stays");
    assertThat(m.mask("Authorization: Bearer abc.def")).isEqualTo("Authorization: Bearer ***");
    assertThat(m.mask("mysql://root:pass@127.0.0.1/db")).isEqualTo("mysql://root:***@127.0.0.1/db");
  }
}
