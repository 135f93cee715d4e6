package dev.thingyan.adapter.github.fake;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * GitHub Issues of one repository on a loopback port, for tests: a JDK HTTP server on 127.0.0.1
 * that answers the REST calls an issue tracker makes (create, get, update, comment, list with
 * {@code Link} pagination) with GitHub's status codes, headers and JSON shapes, keeps the issues
 * in memory, and lets a test break it the ways GitHub breaks.
 *
 * <pre>{@code
 * try (FakeGitHubIssues github = FakeGitHubIssues.start("acme/pms", "ghp_test")) {
 *   // point the tracker at github.baseUrl(), with token "ghp_test"
 *   github.secondaryRateLimitNextWrites(1, Duration.ofSeconds(30));
 *   github.goDown(FakeGitHubIssues.Outage.REFUSE_CONNECTIONS); ... github.comeBack();
 *   assertThat(github.issues()).hasSize(1);
 *   assertThat(github.requests()).allSatisfy(r -> assertThat(r.body()).doesNotContain("@"));
 * }
 * }</pre>
 *
 * Every request is recorded (also those answered with an injected failure); a request that needs
 * a token is refused with 401 unless it carries the one the fake was started with ({@code Bearer}
 * or {@code token}). Every method may be called from any thread.
 */
public final class FakeGitHubIssues implements AutoCloseable {

  /** How the fake is down. */
  public enum Outage {
    /** Connections are accepted and every request is answered 503 with an HTML page. */
    ANSWER_503,
    /** Nothing listens on the port: connections are refused until {@link #comeBack()}. */
    REFUSE_CONNECTIONS
  }

  private final String repository;
  private final String token;
  private final Clock clock;
  private final IssueStore store;
  private final IssueRoutes routes;
  private final Faults faults = new Faults();
  private final List<FakeRequest> requests = new CopyOnWriteArrayList<>();
  private final List<Exchange> exchanges = new CopyOnWriteArrayList<>();
  private final AtomicLong writes = new AtomicLong();
  private final java.util.concurrent.atomic.AtomicInteger lostAnswers =
      new java.util.concurrent.atomic.AtomicInteger();
  private final LoopbackHttp http;

  private FakeGitHubIssues(String repository, String token, Clock clock) {
    this.repository = Objects.requireNonNull(repository, "repository");
    this.token = Objects.requireNonNull(token, "token");
    this.clock = Objects.requireNonNull(clock, "clock");
    if (!repository.matches("[^/\\s]+/[^/\\s]+")) {
      throw new IllegalArgumentException("repository must be owner/name, was " + repository);
    }
    this.store = new IssueStore(clock);
    this.http = new LoopbackHttp(this::receive);
    this.routes = new IssueRoutes(store, baseUrl().toString(), repository);
  }

  /** Starts a fake for {@code owner/name} that accepts {@code token}, on the system clock. */
  public static FakeGitHubIssues start(String repository, String token) {
    return start(repository, token, Clock.systemUTC());
  }

  /** @param clock stamps created/updated times and drives the primary rate-limit window */
  public static FakeGitHubIssues start(String repository, String token, Clock clock) {
    return new FakeGitHubIssues(repository, token, clock);
  }

  /** @return {@code http://127.0.0.1:<port>}, to use as the API base URL */
  public URI baseUrl() {
    return URI.create("http://127.0.0.1:" + http.port());
  }

  public String repository() {
    return repository;
  }

  // ---- the issues ----

  /** @return every issue and pull request, by number */
  public List<FakeIssue> issues() {
    return store.all();
  }

  public Optional<FakeIssue> issue(long number) {
    return store.find(number);
  }

  /** Opens an issue as a person would on the web: nothing is recorded as a request. */
  public FakeIssue openIssue(String title, String body, List<String> labels) {
    return store.create(title, body, labels, false);
  }

  /** Opens a pull request, which GitHub lists among the issues (with a {@code pull_request} key). */
  public FakeIssue openPullRequest(String title, List<String> labels) {
    return store.create(title, "", labels, true);
  }

  /** Closes an issue as a person would on the web. */
  public FakeIssue closeIssue(long number) {
    Instant now = clock.instant();
    return store.change(number, i -> i.withState(false, now))
        .orElseThrow(() -> new IllegalArgumentException("no issue #" + number));
  }

  // ---- faults ----

  /** Takes GitHub down until {@link #comeBack()}. */
  public void goDown(Outage how) {
    if (how == Outage.ANSWER_503) {
      faults.unavailable(true);
    } else {
      http.stopListening();
    }
  }

  /** Ends any outage; the port stays the same. */
  public void comeBack() {
    faults.unavailable(false);
    http.listenAgain();
  }

  /** The next {@code writes} write requests get GitHub's secondary-limit 403 with {@code retry-after}. */
  public void secondaryRateLimitNextWrites(int writes, Duration retryAfter) {
    faults.secondaryLimit(writes, Optional.of(retryAfter));
  }

  /** As {@link #secondaryRateLimitNextWrites(int, Duration)}, but without a {@code retry-after} header. */
  public void secondaryRateLimitNextWritesWithoutRetryAfter(int writes) {
    faults.secondaryLimit(writes, Optional.empty());
  }

  /**
   * Sets the primary (hourly) limit: {@code remaining} more requests succeed, the last of them
   * answering {@code x-ratelimit-remaining: 0}; later ones get 403 until {@code reset}.
   */
  public void primaryRateLimit(int remaining, Instant reset) {
    faults.primaryLimit(remaining, reset);
  }

  /** The next request, whatever it is, is answered with {@code status} (422: Validation Failed; 5xx: a server error). */
  public void failNext(int status) {
    failNext(status, 1);
  }

  public void failNext(int status, int requests) {
    faults.failNext(status, requests);
  }

  /** Every request waits this long before it is answered (longer than a read timeout: a timeout). */
  public void latency(Duration perRequest) {
    faults.latency(perRequest);
  }

  // ---- what was received ----

  /** @return every request received, oldest first */
  public List<FakeRequest> requests() {
    return List.copyOf(requests);
  }

  /** @return how many POST, PATCH, PUT and DELETE requests arrived, whatever they were answered */
  public long writeRequests() {
    return writes.get();
  }

  /**
   * The next {@code writes} write requests take effect, but each is answered 502, as when a proxy
   * loses GitHub's answer: the client cannot know the issue exists.
   */
  public void loseNextAnswers(int writes) {
    lostAnswers.set(writes);
  }

  /** Forgets the requests received so far (the issues stay). */
  public void clearRequests() {
    requests.clear();
    exchanges.clear();
    writes.set(0);
  }

  @Override
  public void close() {
    http.close();
  }

  private Reply receive(FakeRequest request) {
    Instant arrived = clock.instant();
    requests.add(request);
    if (request.isWrite()) {
      writes.incrementAndGet();
    }
    Duration latency = faults.latency();
    if (!latency.isZero()) {
      LoopbackHttp.sleep(latency.toMillis());
    }
    Reply reply = answer(request);
    if (request.isWrite() && lostAnswers.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      // done, but the answer never reaches the client: what a proxy's 502 after a commit is
      reply = Reply.html(502, "<html><body><h1>502 Bad Gateway</h1></body></html>");
    }
    exchanges.add(new Exchange(request, arrived, reply.status()));
    return reply;
  }

  /**
   * A request with when it arrived and the status it was answered with.
   *
   * @param at when the request arrived (on the fake's clock)
   */
  public record Exchange(FakeRequest request, Instant at, int status) {}

  /** @return every request answered so far, with its arrival time and status, in order */
  public List<Exchange> exchanges() {
    return List.copyOf(exchanges);
  }

  private Reply answer(FakeRequest r) {
    Optional<Reply> injected = faults.injected();
    if (injected.isPresent()) {
      return injected.get();
    }
    Optional<String> auth = r.header("authorization");
    if (auth.isEmpty()) {
      return Reply.json(401, IssueJson.error("Requires authentication", IssueJson.DOCS));
    }
    if (!auth.get().equals("Bearer " + token) && !auth.get().equals("token " + token)) {
      return Reply.json(401, IssueJson.error("Bad credentials", IssueJson.DOCS));
    }
    Optional<String> version = r.header("x-github-api-version");
    if (version.isPresent() && !version.get().equals("2022-11-28")) {
      return Reply.json(400, IssueJson.error("API version '" + version.get() + "' is not supported.", IssueJson.DOCS));
    }
    Instant now = clock.instant();
    Reply reply = faults.rateLimited(r.isWrite(), now).orElseGet(() -> routes.answer(r));
    faults.rateHeaders(now).forEach(reply.headers()::putIfAbsent);
    return reply;
  }

  @Override
  public String toString() {
    return "FakeGitHubIssues[" + repository + " at " + baseUrl() + "]";
  }
}
