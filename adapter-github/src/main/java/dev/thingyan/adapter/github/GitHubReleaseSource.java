package dev.thingyan.adapter.github;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.thingyan.ports.model.DownloadedFile;
import dev.thingyan.ports.model.Release;
import dev.thingyan.ports.model.ReleaseAsset;
import dev.thingyan.ports.out.ReleaseSource;
import dev.thingyan.ports.out.ReleaseSourceException;
import feign.Feign;
import feign.FeignException;
import feign.Request;
import feign.RetryableException;
import feign.Retryer;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Releases of one GitHub repository (github.com or GitHub Enterprise Server): listed and looked
 * up through the REST API with OpenFeign, assets downloaded with resume and without ever handing
 * the token to the host a download redirects to.
 */
public final class GitHubReleaseSource implements ReleaseSource {
  static final int PER_PAGE = 100;
  /** 10 pages of 100: older releases than the newest thousand are not update candidates. */
  static final int MAX_PAGES = 10;
  private static final Logger LOG = LoggerFactory.getLogger(GitHubReleaseSource.class);

  private final GitHubSourceConfig config;
  private final Origin apiOrigin;
  private final GitHubErrors errors;
  private final GitHubApi api;
  private final AssetDownloader downloader;
  private final Patience patience;

  public GitHubReleaseSource(GitHubSourceConfig config) {
    this(config, new Patience(config.totalWait(), "GitHub at " + config.apiBaseUrl()));
  }

  /** With the "still waiting" lines going to {@code waiting} instead of the log (tests). */
  GitHubReleaseSource(GitHubSourceConfig config, java.util.function.Consumer<String> waiting) {
    this(config, new Patience(config.totalWait(), "GitHub at " + config.apiBaseUrl(), waiting));
  }

  private GitHubReleaseSource(GitHubSourceConfig config, Patience patience) {
    this.config = Objects.requireNonNull(config, "config");
    this.apiOrigin = Origin.of(config.apiBaseUrl());
    this.errors = new GitHubErrors(config);
    this.api = feign(config, errors);
    this.patience = patience;
    this.downloader = new AssetDownloader(config, errors, patience);
  }

  // Feign's logger stays the default no-op one: a FULL or HEADERS level would log the token.
  private static GitHubApi feign(GitHubSourceConfig config, GitHubErrors errors) {
    ObjectMapper mapper = new ObjectMapper()
        .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    return Feign.builder()
        .decoder(new PageDecoder(mapper))
        .errorDecoder(new GitHubErrorDecoder(errors))
        .requestInterceptor(new GitHubHeaders(config))
        .options(new Request.Options(shorter(config.connectTimeout(), config.totalWait()),
            shorter(config.readTimeout(), config.totalWait()), true))
        .retryer(new Retryer.Default(500, 2_000, 3))
        .target(GitHubApi.class, config.apiBaseUrl().toString());
  }

  /** A single wait never outlasts the total: the worker thread of a cancelled request ends too. */
  static java.time.Duration shorter(java.time.Duration a, java.time.Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  @Override
  public String describe() {
    String repo = "github " + config.owner() + "/" + config.repo();
    return config.apiBaseUrl().equals(GitHubSourceConfig.GITHUB_API) ? repo : repo + " at " + config.apiBaseUrl();
  }

  @Override
  public List<Release> releases() {
    List<Release> releases = new ArrayList<>();
    ReleasePage page = call("listing releases", () -> api.releases(config.owner(), config.repo(), PER_PAGE));
    addAll(releases, page);
    for (int pages = 1; page.next().isPresent(); pages++) {
      if (pages == MAX_PAGES) {
        LOG.warn("{} lists more than {} releases; older ones are not considered", describe(), PER_PAGE * MAX_PAGES);
        break;
      }
      URI next = sameOrigin(page.next().get());
      page = call("listing releases (page " + (pages + 1) + ")", () -> api.releasesPage(next));
      addAll(releases, page);
    }
    releases.sort(Comparator.comparing(Release::version).reversed());
    return List.copyOf(releases);
  }

  private static void addAll(List<Release> into, ReleasePage page) {
    page.releases().forEach(gh -> ReleaseMapper.toRelease(gh).ifPresent(into::add));
  }

  // A next-page link is followed with the token: it must stay on the API's origin.
  private URI sameOrigin(URI next) {
    if (!apiOrigin.sameAs(next)) {
      throw new ReleaseSourceException("GitHub's next-page link points to another host ("
          + Origin.of(next) + ", expected " + apiOrigin + "); refusing to follow it. Check apiBaseUrl"
          + " and any proxy between this server and GitHub.");
    }
    return next;
  }

  @Override
  public Optional<Release> release(String tag) {
    Objects.requireNonNull(tag, "tag");
    if (tag.isBlank()) {
      throw new IllegalArgumentException("tag must not be blank");
    }
    // Asked for 1.2.3 or v1.2.3: GitHub matches tags exactly, so try the other spelling too.
    String other = tag.startsWith("v") ? tag.substring(1) : "v" + tag;
    for (String candidate : List.of(tag.strip(), other.strip())) {
      try {
        GhRelease gh = call("getting release " + candidate,
            () -> api.releaseByTag(config.owner(), config.repo(), candidate));
        return ReleaseMapper.toRelease(gh);
      } catch (GitHubNotFoundException e) {
        LOG.debug("{}: no release tagged {}", describe(), candidate);
      }
    }
    return Optional.empty();
  }

  @Override
  public DownloadedFile download(ReleaseAsset asset, Path target, long maxBytes,
      DownloadProgress progress) {
    Objects.requireNonNull(asset, "asset");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(progress, "progress");
    String scheme = String.valueOf(asset.location().getScheme());
    if (!scheme.equalsIgnoreCase("https") && !scheme.equalsIgnoreCase("http")) {
      throw new ReleaseSourceException("Asset " + asset.name() + " has no http(s) location ("
          + scheme + "); it does not come from " + describe() + ".");
    }
    LOG.info("Downloading {} ({} bytes) from {} to {}", asset.name(), asset.size(), describe(), target);
    return downloader.download(asset, target, maxBytes, progress);
  }

  private <T> T call(String what, Supplier<T> request) {
    return patience.call(what, () -> answer(what, request));
  }

  private <T> T answer(String what, Supplier<T> request) {
    try {
      return request.get();
    } catch (RetryableException e) {
      if (e.getCause() instanceof ReleaseSourceException cause) {
        throw cause;
      }
      throw new ReleaseSourceException("Could not reach GitHub at " + config.apiBaseUrl() + " while "
          + what + " (" + errors.scrub(String.valueOf(e.getMessage())) + "). Check the network "
          + "connection and proxy settings of this server, then try again.", e);
    } catch (FeignException e) {
      throw new ReleaseSourceException("GitHub's answer could not be read while " + what + " ("
          + errors.scrub(String.valueOf(e.getMessage())) + "). Check apiBaseUrl (" + config.apiBaseUrl()
          + "); it must be GitHub's REST API.", e);
    }
  }

  @Override
  public String toString() {
    return "GitHubReleaseSource[" + config + "]";
  }
}
