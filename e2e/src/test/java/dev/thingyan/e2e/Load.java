package dev.thingyan.e2e;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Continuous load on the app while an update runs: threads alternating {@code GET /dashboard}
 * and {@code POST /api/bookings}, each answer recorded with the version in its header (from the
 * release's config) and the version in its body (from the release's code).
 */
final class Load implements AutoCloseable {

  private static final Pattern PAGE_VERSION = Pattern.compile("id=\"app-version\">([^<]+)<");
  private static final Pattern JSON_VERSION = Pattern.compile("\"app_version\":\"([^\"]+)\"");

  /** One request. status -1: no answer (connection refused, reset, timeout). */
  record Sample(long atMillis, String request, int status, String header, String body, String error) {
    boolean ok() {
      return status >= 200 && status < 300;
    }

    boolean mixed() {
      return ok() && !header.equals(body);
    }
  }

  private final LaravelStack stack;
  private final ConcurrentLinkedQueue<Sample> samples = new ConcurrentLinkedQueue<>();
  private final List<Thread> threads = new ArrayList<>();
  private final long startMillis = System.currentTimeMillis();
  private volatile boolean stopped;

  Load(LaravelStack stack, int threadCount) {
    this.stack = stack;
    for (int i = 0; i < threadCount; i++) {
      int n = i;
      Thread t = new Thread(() -> loop(n), "e2e-load-" + i);
      t.setDaemon(true);
      threads.add(t);
      t.start();
    }
  }

  private void loop(int n) {
    long i = 0;
    while (!stopped) {
      samples.add((i++ + n) % 2 == 0 ? page() : booking(n));
      LaravelStack.sleepQuietly(20);
    }
  }

  private Sample page() {
    return send("GET /dashboard", HttpRequest.newBuilder(stack.url("/dashboard")).GET(), PAGE_VERSION);
  }

  private Sample booking(int n) {
    return send("POST /api/bookings", HttpRequest.newBuilder(stack.url("/api/bookings"))
        .header("Content-Type", "application/json").header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"guest\":\"Load guest " + n + "\"}")), JSON_VERSION);
  }

  private Sample send(String what, HttpRequest.Builder request, Pattern bodyVersion) {
    long at = System.currentTimeMillis();
    try {
      HttpResponse<String> r = LaravelStack.HTTP.send(request.timeout(Duration.ofSeconds(15)).build(),
          HttpResponse.BodyHandlers.ofString());
      Matcher m = bodyVersion.matcher(r.body());
      return new Sample(at, what, r.statusCode(), r.headers().firstValue("X-App-Version").orElse(""),
          m.find() ? m.group(1) : "", r.statusCode() >= 300 ? abbreviate(r.body()) : "");
    } catch (IOException e) {
      return new Sample(at, what, -1, "", "", e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Sample(at, what, -1, "", "", "interrupted");
    }
  }

  private static String abbreviate(String s) {
    return s.length() > 300 ? s.substring(0, 300) + "…" : s;
  }

  /** Stops the threads and @return what they saw. */
  Report stop() {
    stopped = true;
    for (Thread t : threads) {
      try {
        t.join(20_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    return new Report(startMillis, List.copyOf(samples));
  }

  @Override
  public void close() {
    if (!stopped) {
      stop();
    }
  }

  /** What the load saw. */
  record Report(long startMillis, List<Sample> samples) {
    long total() {
      return samples.size();
    }

    List<Sample> failed() {
      return samples.stream().filter(s -> !s.ok()).toList();
    }

    List<Sample> mixed() {
      return samples.stream().filter(Sample::mixed).toList();
    }

    long answeredBy(String version) {
      return samples.stream().filter(s -> s.header().equals(version) || s.body().equals(version)).count();
    }

    /** @return status -> count */
    Map<Integer, Long> statuses() {
      Map<Integer, Long> m = new TreeMap<>();
      samples.forEach(s -> m.merge(s.status(), 1L, Long::sum));
      return m;
    }

    /** @return the first and last time (ms) a sample matched, or null */
    long[] window(java.util.function.Predicate<Sample> which) {
      long first = Long.MAX_VALUE;
      long last = Long.MIN_VALUE;
      for (Sample s : samples) {
        if (which.test(s)) {
          first = Math.min(first, s.atMillis());
          last = Math.max(last, s.atMillis());
        }
      }
      return first == Long.MAX_VALUE ? null : new long[] {first, last};
    }

    String summary() {
      StringBuilder b = new StringBuilder(total() + " requests, statuses " + statuses() + ", mixed "
          + mixed().size());
      failed().stream().limit(5).forEach(s -> b.append("\n  failed: ").append(s));
      mixed().stream().limit(5).forEach(s -> b.append("\n  mixed: ").append(s));
      return b.toString();
    }
  }

}
