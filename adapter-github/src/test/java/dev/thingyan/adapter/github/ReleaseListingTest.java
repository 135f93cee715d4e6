package dev.thingyan.adapter.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.thingyan.ports.model.Release;
import dev.thingyan.ports.out.ReleaseSourceException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Listing releases across pages linked the way GitHub links them. */
class ReleaseListingTest {
  private static final String FIRST = "/repos/octokit-fixture-org/release-assets/releases?per_page=100";
  private static final String PAGE = "/repositories/1000/releases?per_page=100&page=";
  private static final String API_PAGE = GitHubReplayServer.API + PAGE;
  private final GitHubReplayServer github = GitHubReplayServer.start();

  @AfterEach
  void stop() {
    github.close();
  }

  @Test
  void followsNextAcrossThreePagesAndSortsNewestFirst() {
    // GitHub's exact Link format (as in paginate-issues.json), with its absolute api.github.com
    // URLs, which the replay server rewrites to itself.
    page(FIRST, "<" + API_PAGE + "2>; rel=\"next\", <" + API_PAGE + "3>; rel=\"last\"",
        Fixtures.array(Fixtures.release("v1.2.0", false, false), Fixtures.release("v1.10.0", false, false)));
    page(PAGE + 2, "<" + API_PAGE + "1>; rel=\"prev\", <" + API_PAGE + "3>; rel=\"next\", <"
        + API_PAGE + "3>; rel=\"last\", <" + API_PAGE + "1>; rel=\"first\"",
        Fixtures.array(Fixtures.release("v2.0.0-rc.1", false, true), Fixtures.release("v1.0.0", false, false)));
    page(PAGE + 3, "<" + API_PAGE + "2>; rel=\"prev\", <" + API_PAGE + "1>; rel=\"first\"",
        Fixtures.array(Fixtures.release("v0.9.0", false, false)));

    List<Release> releases = source().releases();

    assertThat(releases).extracting(Release::tag)
        .containsExactly("v2.0.0-rc.1", "v1.10.0", "v1.2.0", "v1.0.0", "v0.9.0");
    assertThat(github.requests()).extracting(GitHubReplayServer.Received::uri)
        .containsExactly(FIRST, PAGE + 2, PAGE + 3);
    assertThat(github.requests()).allSatisfy(r ->
        assertThat(r.header("authorization")).isEqualTo("Bearer " + Fixtures.TOKEN));
  }

  @Test
  void draftsAndNonSemverTagsAreLeftOutPreReleasesFlagged() {
    page(FIRST, null, Fixtures.array(Fixtures.release("v3.0.0", true, false),
        Fixtures.release("nightly", false, false), Fixtures.release("v2.1.0-beta.2", false, true),
        Fixtures.release("release-2024", false, false), Fixtures.release("v2.0.0", false, false)));

    List<Release> releases = source().releases();

    assertThat(releases).extracting(Release::tag).containsExactly("v2.1.0-beta.2", "v2.0.0");
    assertThat(releases).extracting(Release::preRelease).containsExactly(true, false);
    assertThat(releases).noneMatch(Release::draft);
    assertThat(releases.get(1).asset("test-upload.txt")).isPresent();
  }

  @Test
  void stopsAfterTenPages() {
    page(FIRST, "<" + API_PAGE + "2>; rel=\"next\"", Fixtures.array(Fixtures.release("v1.0.1", false, false)));
    for (int p = 2; p <= 12; p++) {
      page(PAGE + p, "<" + API_PAGE + (p + 1) + ">; rel=\"next\"",
          Fixtures.array(Fixtures.release("v1.0." + p, false, false)));
    }

    assertThat(source().releases()).hasSize(GitHubReleaseSource.MAX_PAGES);
    assertThat(github.requests()).hasSize(GitHubReleaseSource.MAX_PAGES);
  }

  @Test
  void refusesANextLinkToAnotherHost() {
    page(FIRST, "<https://evil.example/repositories/1000/releases?page=2>; rel=\"next\"",
        Fixtures.array(Fixtures.release("v1.0.0", false, false)));

    assertThatThrownBy(() -> source().releases()).isInstanceOf(ReleaseSourceException.class)
        .hasMessageContaining("another host").hasMessageContaining("evil.example");
    assertThat(github.requests()).hasSize(1);
  }

  private void page(String path, String link, byte[] body) {
    Map<String, String> headers = link == null
        ? Map.of("content-type", "application/json; charset=utf-8")
        : Map.of("content-type", "application/json; charset=utf-8", "link", link);
    github.respond("GET", path, 200, headers, body);
  }

  private GitHubReleaseSource source() {
    return new GitHubReleaseSource(Fixtures.config(github.baseUrl()));
  }
}
