package dev.thingyan.adapter.github;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Link header parsing against the headers GitHub really sent (paginate-issues.json). */
class LinkHeaderTest {

  @Test
  void recordedPagesLinkToTheNextUntilTheLast() {
    List<Optional<URI>> next = new ArrayList<>();
    for (JsonNode exchange : Fixtures.exchanges("paginate-issues.json")) {
      next.add(LinkHeader.find(List.of(exchange.path("headers").path("link").asText()), "next"));
    }
    String page = "https://api.github.com/repositories/1000/issues?per_page=3&page=";
    assertThat(next).containsExactly(Optional.of(URI.create(page + 2)), Optional.of(URI.create(page + 3)),
        Optional.of(URI.create(page + 4)), Optional.of(URI.create(page + 5)), Optional.empty());
  }

  @Test
  void recordedLastAndFirstAreReadToo() {
    JsonNode second = Fixtures.exchange("paginate-issues.json", 1);
    List<String> link = List.of(second.path("headers").path("link").asText());
    assertThat(LinkHeader.find(link, "last")).map(URI::toString).contains(
        "https://api.github.com/repositories/1000/issues?per_page=3&page=5");
    assertThat(LinkHeader.find(link, "prev")).map(URI::toString).contains(
        "https://api.github.com/repositories/1000/issues?per_page=3&page=1");
  }

  @Test
  void relMayHoldSeveralTypesAndAnyCaseOrQuoting() {
    assertThat(LinkHeader.find(List.of("<https://x/a?page=2>; REL=\"prev next\""), "next"))
        .contains(URI.create("https://x/a?page=2"));
    assertThat(LinkHeader.find(List.of("<https://x/a?page=3>;rel=next"), "next"))
        .contains(URI.create("https://x/a?page=3"));
    assertThat(LinkHeader.find(List.of("<https://x/a?page=3>; rel=\"nextpage\""), "next")).isEmpty();
  }

  @Test
  void noHeaderNoNext() {
    assertThat(LinkHeader.find(null, "next")).isEmpty();
    assertThat(LinkHeader.find(List.of(""), "next")).isEmpty();
  }
}
