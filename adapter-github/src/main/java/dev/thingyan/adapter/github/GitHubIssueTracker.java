package dev.thingyan.adapter.github;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.thingyan.adapter.github.GitHubIssuesApi.CommentBody;
import dev.thingyan.adapter.github.GitHubIssuesApi.NewIssueBody;
import dev.thingyan.adapter.github.GitHubIssuesApi.StateBody;
import dev.thingyan.ports.model.report.NewIssue;
import dev.thingyan.ports.model.report.RemoteIssue;
import dev.thingyan.ports.out.IssueTracker;
import dev.thingyan.ports.out.IssueTrackerException;
import dev.thingyan.ports.out.IssueTrackerException.Kind;
import feign.Feign;
import feign.FeignException;
import feign.Request;
import feign.RetryableException;
import feign.Retryer;
import feign.http2client.Http2Client;
import feign.jackson.JacksonEncoder;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * GitHub Issues of one repository as the {@link IssueTracker} reports go to, through OpenFeign.
 * Every call is sent once (Feign's retryer never retries: a retried create is how duplicates are
 * born); every failure is an {@link IssueTrackerException} whose kind says what the caller may do.
 * While GitHub has said to wait (rate limits), nothing is sent at all. The token is read for each
 * request, sent only to the API's origin, never followed through a redirect, and never part of a
 * message.
 */
public final class GitHubIssueTracker implements IssueTracker {
  static final int PER_PAGE = 100;
  /** 100 pages of 100: a label set matching more than 10,000 issues is not this system's. */
  static final int MAX_PAGES = 100;
  /** GitHub refuses longer comment bodies with 422. */
  static final int COMMENT_CHARS = 65_536;
  private static final Logger LOG = LoggerFactory.getLogger(GitHubIssueTracker.class);

  private final GitHubIssuesConfig config;
  private final Origin apiOrigin;
  private final IssueToken token;
  private final IssueErrors errors;
  private final GitHubIssuesApi api;

  public GitHubIssueTracker(GitHubIssuesConfig config) {
    this(config, Clock.systemUTC());
  }

  /** @param clock tells when a rate limit ends; tests move it */
  public GitHubIssueTracker(GitHubIssuesConfig config, Clock clock) {
    this.config = Objects.requireNonNull(config, "config");
    this.apiOrigin = Origin.of(config.apiBaseUrl());
    this.token = new IssueToken(config);
    this.errors = new IssueErrors(config, Objects.requireNonNull(clock, "clock"), token);
    this.api = feign(config, token, errors, clock);
  }

  // Feign's logger stays the default no-op one: a FULL or HEADERS level would log the token.
  // Redirects are not followed: the JDK 17 client would carry the token to another host.
  private static GitHubIssuesApi feign(GitHubIssuesConfig config, IssueToken token,
      IssueErrors errors, Clock clock) {
    ObjectMapper mapper = new ObjectMapper()
        .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    Duration connect = Duration.ofMillis(config.connectTimeout().toMillis());
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(connect).followRedirects(HttpClient.Redirect.NEVER).build();
    RateLimitGate gate = new RateLimitGate(new Http2Client(http), clock);
    return Feign.builder()
        .client(gate)
        .encoder(new JacksonEncoder(mapper))
        .decoder(new IssueDecoder(mapper))
        .errorDecoder(new IssueErrorDecoder(errors, gate))
        .requestInterceptor(new GitHubHeaders(config.apiBaseUrl(), () -> Optional.of(token.value()),
            config.userAgent()))
        .options(new Request.Options(connect, config.readTimeout(), false))
        .retryer(Retryer.NEVER_RETRY)
        .target(GitHubIssuesApi.class, config.apiBaseUrl().toString());
  }

  @Override
  public RemoteIssue create(NewIssue issue) {
    Objects.requireNonNull(issue, "issue");
    NewIssueBody body = new NewIssueBody(issue.title(), issue.body(), issue.labels());
    RemoteIssue created = call("creating an issue",
        () -> api.create(config.owner(), config.repo(), body).toRemote());
    LOG.info("Created GitHub issue #{} in {}", created.number(), config.repository());
    return created;
  }

  @Override
  public void comment(long issueNumber, String body) {
    requireNumber(issueNumber);
    Objects.requireNonNull(body, "body");
    if (body.isBlank() || body.length() > COMMENT_CHARS) {
      throw new IllegalArgumentException("comment body must be 1.." + COMMENT_CHARS + " characters");
    }
    call("commenting on issue #" + issueNumber, () -> {
      api.comment(config.owner(), config.repo(), issueNumber, new CommentBody(body));
      return null;
    });
  }

  @Override
  public List<String> commentsSince(long issueNumber, Instant since) {
    requireNumber(issueNumber);
    // whole seconds, cut down: "at or after" stays true, as for listLabelled
    String at = DateTimeFormatter.ISO_INSTANT.format(
        Objects.requireNonNull(since, "since").truncatedTo(ChronoUnit.SECONDS));
    return call("listing the comments of issue #" + issueNumber, () -> api.comments(
        config.owner(), config.repo(), issueNumber, at, PER_PAGE).stream()
        .map(c -> c.body() == null ? "" : c.body()).toList());
  }

  @Override
  public RemoteIssue reopen(long issueNumber) {
    requireNumber(issueNumber);
    RemoteIssue issue = call("reopening issue #" + issueNumber, () -> api.update(config.owner(),
        config.repo(), issueNumber, new StateBody("open")).toRemote());
    LOG.info("Reopened GitHub issue #{} in {}", issueNumber, config.repository());
    return issue;
  }

  @Override
  public RemoteIssue get(long issueNumber) {
    requireNumber(issueNumber);
    return call("getting issue #" + issueNumber,
        () -> api.get(config.owner(), config.repo(), issueNumber).toRemote());
  }

  @Override
  public List<RemoteIssue> listLabelled(List<String> labels, Optional<Instant> updatedSince) {
    String labelParam = labelParam(labels);
    // GitHub reads whole seconds; cutting the fraction off keeps "at or after" true.
    String since = Objects.requireNonNull(updatedSince, "updatedSince")
        .map(t -> DateTimeFormatter.ISO_INSTANT.format(t.truncatedTo(ChronoUnit.SECONDS))).orElse(null);
    List<RemoteIssue> issues = new ArrayList<>();
    IssuePage page = call("listing issues",
        () -> api.list(config.owner(), config.repo(), labelParam, PER_PAGE, since));
    addAll(issues, page);
    for (int pages = 1; page.next().isPresent(); pages++) {
      if (pages == MAX_PAGES) {
        LOG.warn("{} has more than {} issues with labels {}; the rest are not listed",
            config.repository(), PER_PAGE * MAX_PAGES, labels);
        break;
      }
      URI next = sameOrigin(page.next().get());
      page = call("listing issues (page " + (pages + 1) + ")", () -> api.page(next));
      addAll(issues, page);
    }
    return List.copyOf(issues);
  }

  private static String labelParam(List<String> labels) {
    Objects.requireNonNull(labels, "labels");
    for (String label : labels) {
      if (label == null || label.isBlank() || label.contains(",")) {
        throw new IllegalArgumentException("labels must be non-blank names without commas, was " + labels);
      }
    }
    return labels.isEmpty() ? null : String.join(",", labels);
  }

  private void addAll(List<RemoteIssue> into, IssuePage page) {
    for (GhIssue issue : page.issues()) {
      into.add(read("listing issues", issue::toRemote));
    }
  }

  // The token goes with a followed link: it must stay on the API's origin. Feign reads a literal
  // comma in a query value as a list and sends labels=a&labels=b, which GitHub would read as one
  // label: commas are sent encoded, as GitHub itself writes them.
  private URI sameOrigin(URI next) {
    if (!apiOrigin.sameAs(next)) {
      throw new IssueTrackerException(Kind.REJECTED, 0, null, "GitHub's next-page link points to "
          + "another host (" + Origin.of(next) + ", expected " + apiOrigin + "); it was not followed. "
          + "Check apiBaseUrl and any proxy between this server and GitHub.", null);
    }
    String link = next.toString();
    int query = link.indexOf('?');
    return query < 0 ? next : URI.create(link.substring(0, query) + link.substring(query).replace(",", "%2C"));
  }

  private static void requireNumber(long issueNumber) {
    if (issueNumber < 1) {
      throw new IllegalArgumentException("issueNumber must be positive, was " + issueNumber);
    }
  }

  private <T> T call(String what, Supplier<T> request) {
    try {
      return read(what, request);
    } catch (RetryableException e) {
      throw errors.unavailable(what, e);
    } catch (FeignException e) {
      throw new IssueTrackerException(Kind.UNAVAILABLE, Math.max(e.status(), 0), null,
          token.scrub("GitHub's answer could not be read while " + what + " ("
              + e.getClass().getSimpleName() + "). The request may or may not have taken effect: "
              + "check apiBaseUrl (" + config.apiBaseUrl() + "), it must be GitHub's REST API."),
          token.safeCause(e));
    }
  }

  // An answer without an issue number is not GitHub's: treated as unreadable, not as a bug here.
  private <T> T read(String what, Supplier<T> mapping) {
    try {
      return mapping.get();
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new IssueTrackerException(Kind.UNAVAILABLE, 0, null, "GitHub's answer while " + what
          + " lacked an issue number or state. Check apiBaseUrl (" + config.apiBaseUrl()
          + "), it must be GitHub's REST API.", token.safeCause(e));
    }
  }

  @Override
  public String toString() {
    return "GitHubIssueTracker[" + config + "]";
  }
}
