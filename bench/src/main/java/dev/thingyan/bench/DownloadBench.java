package dev.thingyan.bench;

import dev.thingyan.adapter.github.GitHubReleaseSource;
import dev.thingyan.adapter.github.GitHubSourceConfig;
import dev.thingyan.ports.model.DownloadedFile;
import dev.thingyan.ports.model.Release;
import dev.thingyan.ports.model.ReleaseAsset;
import dev.thingyan.ports.out.ReleaseSource;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Measurement 1: download + SHA-256 of one release package from the loopback server (API URL,
 * 302 to the storage server), by thingyan's real {@link GitHubReleaseSource#download} in this JVM
 * and by {@code curl | sha256sum} (plus, as a like-for-like reference, {@code curl | tee FILE |
 * sha256sum} followed by {@code sync FILE}: thingyan writes the file and fsyncs it). Rounds
 * alternate the order of the clients; one warm-up round is reported but not counted.
 *
 * <p>{@code DownloadBench --api URL --tag v2.0.0 --sums SHA256SUMS --work DIR --runs 5
 * --label NAME --results DIR --key PREFIX [--section a]}
 */
public final class DownloadBench {
  private DownloadBench() {}

  interface Client {
    /** @return the SHA-256 (hex) the client computed */
    String run(Path scratch) throws Exception;
  }

  public static void main(String[] argv) throws Exception {
    Args args = new Args(argv);
    int runs = args.integer("runs", 5);
    Path work = Files.createDirectories(Path.of(args.get("work")));
    String tag = args.get("tag");
    GitHubReleaseSource source = new GitHubReleaseSource(new GitHubSourceConfig(
        URI.create(args.get("api")), "bench", "app", Optional.empty(), Duration.ofSeconds(10),
        Duration.ofSeconds(60), 5, "thingyan-bench"));
    Release release = source.release(tag).orElseThrow(() -> new IllegalStateException("no " + tag));
    ReleaseAsset asset = release.assets().stream().filter(a -> a.name().endsWith(".tar.gz"))
        .findFirst().orElseThrow();
    String expected = expectedSha(Path.of(args.get("sums")), asset.name());
    String url = asset.location().toString();

    Map<String, Client> clients = new LinkedHashMap<>();
    clients.put("thingyan GitHubReleaseSource.download", scratch -> {
      DownloadedFile f = source.download(asset, scratch, ReleaseSource.DownloadProgress.NONE);
      return f.sha256Hex();
    });
    clients.put("curl -s -L URL | sha256sum", scratch -> shell(
        "curl -sS -f -L -H 'Accept: application/octet-stream' \"$1\" | sha256sum", url));
    clients.put("curl … | tee FILE | sha256sum; sync FILE", scratch -> shell(
        "curl -sS -f -L -H 'Accept: application/octet-stream' \"$1\" | tee \"$2\" | sha256sum;"
            + " sync \"$2\"", url, scratch.toString()));

    List<String> names = new ArrayList<>(clients.keySet());
    Map<String, Stats> times = new LinkedHashMap<>();
    Map<String, Double> warmup = new LinkedHashMap<>();
    names.forEach(n -> times.put(n, new Stats()));
    for (int round = 0; round <= runs; round++) {
      for (int k = 0; k < names.size(); k++) {
        String name = names.get((round + k) % names.size());
        Path scratch = work.resolve("download.tar.gz");
        Files.deleteIfExists(scratch); // thingyan resumes from a partial file: start from nothing
        sync(); // the previous run's dirty pages must not be flushed by this run's fsync
        long t0 = System.nanoTime();
        String sha = clients.get(name).run(scratch);
        double s = (System.nanoTime() - t0) / 1e9;
        Files.deleteIfExists(scratch);
        if (!expected.equals(sha)) {
          throw new IllegalStateException(name + " computed sha256 " + sha + ", expected " + expected);
        }
        if (round == 0) {
          warmup.put(name, s);
        } else {
          times.get(name).add(s);
        }
      }
    }

    double mb = asset.size() / 1e6;
    String label = args.get("label");
    String key = args.get("key");
    Results r = new Results(Path.of(args.get("results")));
    double curl = times.get(names.get(1)).median();
    r.line("### Download + SHA-256 of %s (%.1f MB) — client JVM: %s", asset.name(), mb, label);
    r.line("");
    r.line("Client JVM options: `%s`. Loopback: API URL → 302 → storage server (separate JVM),"
        + " %d alternating rounds after 1 warm-up round; every client's SHA-256 checked against"
        + " SHA256SUMS.", String.join(" ", jvmOptions()), runs);
    r.line("");
    r.line("| client | median s | min s | max s | MB/s (median) | vs curl \\| sha256sum | warm-up s | samples s |");
    r.line("| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
    for (String n : names) {
      Stats st = times.get(n);
      r.line("| %s | %s | %s | %s | %s | %sx | %s | %s |", n.replace("|", "\\|"), Results.f(st.median(), 3),
          Results.f(st.min(), 3), Results.f(st.max(), 3), Results.f(mb / st.median(), 0),
          Results.f(st.median() / curl, 2), Results.f(warmup.get(n), 3), st.samples("%.3f"));
    }
    r.line("");
    r.writeSection("1" + args.get("section", "") + "-download-" + key);
    Stats thingyan = times.get(names.get(0));
    r.put(key + ".label", label);
    r.put(key + ".size_mb", Results.f(mb, 1));
    r.put(key + ".thingyan_s", Results.f(thingyan.median(), 3));
    r.put(key + ".curl_s", Results.f(curl, 3));
    r.put(key + ".curl_file_s", Results.f(times.get(names.get(2)).median(), 3));
    r.put(key + ".ratio", Results.f(thingyan.median() / curl, 2));
    r.put(key + ".thingyan_mbs", Results.f(mb / thingyan.median(), 0));
    r.put(key + ".curl_mbs", Results.f(mb / curl, 0));
    System.exit(0);
  }

  private static List<String> jvmOptions() {
    return ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
        .filter(a -> a.startsWith("-X")).toList();
  }

  static void sync() throws IOException, InterruptedException {
    new ProcessBuilder("sync").inheritIO().start().waitFor();
  }

  private static String expectedSha(Path sums, String name) throws IOException {
    for (String line : Files.readAllLines(sums, StandardCharsets.UTF_8)) {
      if (line.endsWith("  " + name)) {
        return line.substring(0, 64);
      }
    }
    throw new IllegalStateException(name + " is not in " + sums);
  }

  private static String shell(String script, String... params) throws Exception {
    List<String> cmd = new ArrayList<>(List.of("sh", "-c", "set -e; " + script, "sh"));
    cmd.addAll(List.of(params));
    Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
    int code = p.waitFor();
    if (code != 0 || out.length() < 64) {
      throw new IllegalStateException("`" + script + "` exited " + code + ": " + out);
    }
    return out.substring(0, 64);
  }
}
