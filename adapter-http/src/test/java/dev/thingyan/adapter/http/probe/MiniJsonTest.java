package dev.thingyan.adapter.http.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MiniJsonTest {

  @Test
  void readsTopLevelFieldsOfAnObject() {
    Object root = MiniJson.parse(
        "{ \"app_version\" : \"1.2.0\", \"schema\": 3, \"ok\": true, \"x\": null,"
            + " \"nested\": {\"a\": [1, 2.5e3, \"b\\u00e9\\n\"]}, \"reasons\": [\"a\", 1, \"b\"] }")
        .orElseThrow();
    assertThat(MiniJson.field(root, "app_version")).contains("1.2.0");
    assertThat(MiniJson.field(root, "schema")).contains("3");
    assertThat(MiniJson.field(root, "ok")).isEmpty();
    assertThat(MiniJson.field(root, "x")).isEmpty();
    assertThat(MiniJson.field(root, "missing")).isEmpty();
    assertThat(MiniJson.strings(root, "reasons")).isEqualTo(List.of("a", "b"));
  }

  @Test
  void refusesWhatIsNotJson() {
    assertThat(MiniJson.parse("OK")).isEmpty();
    assertThat(MiniJson.parse("")).isEmpty();
    assertThat(MiniJson.parse("{\"a\":1")).isEmpty();
    assertThat(MiniJson.parse("{\"a\":1} trailing")).isEmpty();
    assertThat(MiniJson.parse("{\"a\":01}")).isEmpty();
    assertThat(MiniJson.parse("{\"a\":\"\\q\"}")).isEmpty();
    assertThat(MiniJson.parse("null")).isEmpty();
  }

  @Test
  void refusesNestingDeepEnoughToHurt() {
    String deep = "[".repeat(10_000) + "]".repeat(10_000);
    assertThat(MiniJson.parse(deep)).isEmpty();
    assertThat(MiniJson.parse("[[[1]]]")).isPresent();
  }
}
