package dev.thingyan.ports.error;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.thingyan.ports.in.GateRefusedException;
import dev.thingyan.ports.in.RunRefusedException;
import dev.thingyan.ports.model.report.ReportValidationException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reasons a catalogue can render, and the codes an API branches on. */
class ReasonTest {

  @Test
  void argumentsKeepTheirOrderAndCannotBeMissing() {
    Reason r = Reason.of("backup.too_old", "id", "b-7", "age", 12, "limit", 3);
    assertThat(r.args().keySet()).containsExactly("id", "age", "limit");
    assertThatThrownBy(() -> Reason.of("x", "id", null)).isInstanceOf(NullPointerException.class)
        .hasMessageContaining("args.id");
    assertThatThrownBy(() -> Reason.of(" ")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Reason.of("x", "odd")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> r.args().put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void aLegacyReasonCarriesTheEnglishText() {
    Reason r = Reason.legacy("nothing to roll back to");
    assertThat(r.code()).isEqualTo(Reason.LEGACY);
    assertThat(r.fallbackText()).isEqualTo("nothing to roll back to");
  }

  @Test
  void theExistingExceptionsAreKindsOfTheOneRoot() {
    List<ThingyanException> all = List.of(new RunRefusedException("busy"),
        new GateRefusedException(GateRefusedException.Why.UNHEALTHY, "503"),
        new ReportValidationException("title", "required"), new SystemClosedException());
    assertThat(all).extracting(ThingyanException::code)
        .containsExactly("run_refused", "gate_refused", "report_invalid", "system_closed");
    assertThat(all.get(0)).isInstanceOf(RefusedException.class);
    assertThat(all.get(1)).isInstanceOf(RefusedException.class);
    assertThat(all.get(2)).isInstanceOf(ValidationException.class);
    assertThat(all.get(0).reason().fallbackText()).isEqualTo("busy");
    assertThat(all.get(3).reason().code()).isEqualTo("system.closed");
  }
}
