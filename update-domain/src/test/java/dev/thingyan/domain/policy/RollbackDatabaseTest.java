package dev.thingyan.domain.policy;

import static dev.thingyan.domain.policy.RollbackDatabase.Choice.ASK_NO_BACKUP;
import static dev.thingyan.domain.policy.RollbackDatabase.Choice.ASK_SCHEMA_CHANGED;
import static dev.thingyan.domain.policy.RollbackDatabase.Choice.ASK_SCHEMA_UNKNOWN;
import static dev.thingyan.domain.policy.RollbackDatabase.Choice.KEEP_AS_ASKED;
import static dev.thingyan.domain.policy.RollbackDatabase.Choice.KEEP_UNCHANGED;
import static dev.thingyan.domain.policy.RollbackDatabase.Choice.REFUSE_NO_BACKUP;
import static dev.thingyan.domain.policy.RollbackDatabase.Choice.RESTORE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.thingyan.domain.policy.RollbackDatabase.Choice;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RollbackDatabaseTest {

  private static final List<Optional<Boolean>> FLAGS = List.of(Optional.empty(), Optional.of(true), Optional.of(false));
  private static final List<Optional<String>> BEFORE = List.of(Optional.empty(), Optional.of("2024_02_01"));
  private static final List<Optional<String>> NOW = List.of(Optional.empty(), Optional.of("2024_02_01"), Optional.of("2024_03_01"));

  @Test
  void theTableOfEveryCase() {
    Optional<String> a = Optional.of("2024_02_01");
    Optional<String> b = Optional.of("2024_03_01");
    Optional<String> none = Optional.empty();
    Optional<Boolean> noFlag = Optional.empty();
    assertThat(RollbackDatabase.decide(noFlag, true, a, a)).isEqualTo(KEEP_UNCHANGED);
    assertThat(RollbackDatabase.decide(noFlag, true, a, b)).isEqualTo(ASK_SCHEMA_CHANGED);
    assertThat(RollbackDatabase.decide(noFlag, true, none, b)).isEqualTo(ASK_SCHEMA_UNKNOWN);
    assertThat(RollbackDatabase.decide(noFlag, true, a, none)).isEqualTo(ASK_SCHEMA_UNKNOWN);
    assertThat(RollbackDatabase.decide(noFlag, false, none, a)).isEqualTo(ASK_NO_BACKUP);
    assertThat(RollbackDatabase.decide(Optional.of(true), true, a, b)).isEqualTo(RESTORE);
    assertThat(RollbackDatabase.decide(Optional.of(true), true, a, a)).isEqualTo(RESTORE);
    assertThat(RollbackDatabase.decide(Optional.of(true), false, none, none)).isEqualTo(REFUSE_NO_BACKUP);
    assertThat(RollbackDatabase.decide(Optional.of(false), false, none, none)).isEqualTo(KEEP_AS_ASKED);
    assertThat(RollbackDatabase.decide(Optional.of(false), true, a, b)).isEqualTo(KEEP_AS_ASKED);
  }

  /** 3 flags x backup or not x 2 recorded x 3 current schema versions: 36 cases, every one checked. */
  @Test
  void walkedExhaustivelyTheDatabaseIsNeverKeptSilentlyOverAChangedOrUnknownSchema() {
    int cases = 0;
    for (Optional<Boolean> flag : FLAGS) {
      for (boolean backup : List.of(false, true)) {
        for (Optional<String> before : BEFORE) {
          for (Optional<String> now : NOW) {
            Choice c = RollbackDatabase.decide(flag, backup, before, now);
            String at = flag + " backup=" + backup + " " + before + " -> " + now + ": " + c;
            boolean knownSame = backup && before.isPresent() && before.equals(now);
            // an admin's flag is obeyed whenever it can be
            if (flag.equals(Optional.of(false))) assertThat(c).as(at).isEqualTo(KEEP_AS_ASKED);
            if (flag.equals(Optional.of(true))) assertThat(c).as(at).isEqualTo(backup ? RESTORE : REFUSE_NO_BACKUP);
            // without a flag it goes on only over a schema known to be unchanged, and then keeps
            if (flag.isEmpty()) {
              assertThat(c.proceeds()).as(at).isEqualTo(knownSame);
              assertThat(c.restores()).as(at).isFalse();
            }
            assertThat(c.restores()).as(at).isEqualTo(c == RESTORE);
            assertThat(c.restores() && !backup).as(at + ": restores without a backup").isFalse();
            cases++;
          }
        }
      }
    }
    assertThat(cases).isEqualTo(36);
  }
}
