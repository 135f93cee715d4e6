package dev.thingyan.adapter.github;

import dev.thingyan.ports.model.DownloadedFile;
import dev.thingyan.ports.model.ReleaseAsset;
import dev.thingyan.ports.out.ReleaseSource.DownloadProgress;
import dev.thingyan.ports.out.ReleaseSourceException;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Downloads one asset straight to its target file, resuming with HTTP Range: from a partial file
 * found at the start, and after each dropped connection, up to the configured number of attempts.
 *
 * <p>This uses the JDK's HttpURLConnection, not Feign: the body must stream to disk (Feign's
 * decoders hold whole bodies), each request needs its own Range header, redirects must be
 * followed by hand (see {@link AssetConnection}), and a read timeout must apply to every read of
 * the body (java.net.http's request timeout stops at the response headers).
 */
final class AssetDownloader {
  private static final Logger LOG = LoggerFactory.getLogger(AssetDownloader.class);
  private static final Duration BACKOFF_STEP = Duration.ofMillis(250);

  private final GitHubSourceConfig config;
  private final AssetConnection connection;
  private final DownloadAnswers answers;
  private final GitHubErrors errors;
  private final Patience patience;

  AssetDownloader(GitHubSourceConfig config, GitHubErrors errors, Patience patience) {
    this.config = config;
    this.patience = patience;
    this.connection = new AssetConnection(config);
    this.answers = new DownloadAnswers(errors);
    this.errors = errors;
  }

  /**
   * @param maxBytes the most this kind of asset may hold; with the announced size, the bound at
   *     whose first byte past the download stops
   */
  DownloadedFile download(ReleaseAsset asset, Path target, long maxBytes,
      DownloadProgress progress) {
    if (asset.size() > maxBytes) {
      throw new ReleaseSourceException(asset.name() + " is announced as " + asset.size()
          + " bytes, over the limit of " + maxBytes + " bytes for this kind of file; it was not "
          + "downloaded. Check the release, or raise the limit if the file is right.");
    }
    long bound = asset.size() >= 0 ? asset.size() : maxBytes;
    try (HashingFile file = HashingFile.open(target)) {
      if (asset.size() >= 0 && file.size() > asset.size()) {
        LOG.info("{} holds more than the asset's {} bytes; starting over", target, asset.size());
        file.restart();
      }
      if (asset.size() >= 0 && file.size() == asset.size()) {
        LOG.info("{} already holds all {} bytes of {}", target, asset.size(), asset.name());
        return complete(asset, file, asset.size(), progress);
      }
      return attempts(asset, file, bound, progress);
    } catch (IOException e) {
      throw new ReleaseSourceException("Could not open or write " + target + " for the download of "
          + asset.name() + " (" + e.getMessage() + "). Check the folder's permissions and free space.", e);
    }
  }

  private DownloadedFile attempts(ReleaseAsset asset, HashingFile file, long bound,
      DownloadProgress progress) throws IOException {
    String lastProblem = "";
    // the total wait bounds silence across attempts too: each stalled read ends at the read
    // timeout, and attempts that bring no byte must not add up to minutes
    long silentSince = System.nanoTime();
    long had = file.size();
    for (int attempt = 1; attempt <= config.maxDownloadAttempts(); attempt++) {
      String cause = "the body ended early";
      if (file.size() > had) {
        had = file.size();
        silentSince = System.nanoTime();
      } else if (System.nanoTime() - silentSince >= config.totalWait().toNanos()) {
        throw new ReleaseSourceException("The download of " + asset.name() + " brought no data "
            + "for " + config.totalWait().toSeconds() + " s (source.github.total_timeout; last: "
            + lastProblem + "). The partial file " + file.path() + " is kept: check the network, "
            + "then try again and it resumes.");
      }
      try {
        Optional<Long> total = attempt(asset, file, file.size(), bound, progress);
        if (total.isPresent()) {
          return complete(asset, file, total.get(), progress);
        }
      } catch (HashingFile.OverBoundException e) {
        throw overBound(asset, bound, "sent more than that");
      } catch (IOException e) {
        cause = errors.scrub(e.toString());
      }
      lastProblem = "stopped at " + file.size() + " of " + describe(asset.size()) + " bytes: " + cause;
      LOG.warn("Download of {} {} (attempt {} of {})", asset.name(), lastProblem, attempt,
          config.maxDownloadAttempts());
      if (attempt < config.maxDownloadAttempts()) {
        pause(attempt);
      }
    }
    throw new ReleaseSourceException("The download of " + asset.name() + " failed after "
        + config.maxDownloadAttempts() + " attempts (last: " + lastProblem + "). The partial file "
        + file.path() + " is kept: check the network, then try again later and it resumes.");
  }

  /**
   * @return the expected total when the body ended complete; empty when the body stopped short
   * @throws IOException when the connection failed or dropped (worth another attempt)
   */
  private Optional<Long> attempt(ReleaseAsset asset, HashingFile file, long from, long bound,
      DownloadProgress progress) throws IOException {
    HttpURLConnection c = null;
    try {
      c = open(asset, from);
      long total = answers.startBody(asset, c, file, from);
      if (total == DownloadAnswers.NO_BODY) {
        return Optional.empty();
      }
      if (total > bound) {
        file.restart();
        throw overBound(asset, bound, "answered with a length of " + total + " bytes");
      }
      try (InputStream in = c.getInputStream();
          AutoCloseable watch = patience.watch("downloading " + asset.name(), file::received)) {
        file.append(in, total, bound, progress);
      } catch (IOException | RuntimeException e) {
        throw e;
      } catch (Exception closing) {
        throw new IllegalStateException(closing); // the watch's close only cancels a task
      }
      return total >= 0 && file.size() < total ? Optional.empty() : Optional.of(total);
    } finally {
      if (c != null) {
        c.disconnect();
      }
    }
  }

  /** Waits for the answer's headers within the total wait, saying every few seconds it still does. */
  private HttpURLConnection open(ReleaseAsset asset, long from) throws IOException {
    try {
      return patience.call("downloading " + asset.name(), () -> {
        try {
          return connection.open(asset.location(), from);
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      });
    } catch (java.io.UncheckedIOException e) {
      throw e.getCause();
    }
  }

  private DownloadedFile complete(ReleaseAsset asset, HashingFile file, long total,
      DownloadProgress progress) throws IOException {
    long size = file.size();
    // Both the answer's length and the size the release listing announced must match.
    long expected = total >= 0 && size != total ? total : asset.size();
    if (expected >= 0 && size != expected) {
      file.restart();
      throw new ReleaseSourceException("The download of " + asset.name() + " ended with " + size
          + " bytes, but " + expected + " were announced. The file was discarded; try again.");
    }
    String sha = file.finish();
    progress.progress(size, size);
    LOG.info("Downloaded {} ({} bytes, sha256 {})", asset.name(), size, sha);
    return new DownloadedFile(file.path(), size, sha);
  }

  private static ReleaseSourceException overBound(ReleaseAsset asset, long bound, String what) {
    return new ReleaseSourceException("The download of " + asset.name() + " was stopped: it may "
        + "hold at most " + bound + " bytes (" + (asset.size() >= 0 ? "the size the release "
        + "announced" : "the limit for this kind of file") + "), but the server " + what + ". "
        + "Nothing of it was kept. The release or a proxy in between is not what it claims; "
        + "check it before trying again.");
  }

  private static String describe(long size) {
    return size >= 0 ? Long.toString(size) : "an unknown number of";
  }

  private static void pause(int attempt) {
    try {
      Thread.sleep(BACKOFF_STEP.multipliedBy(Math.min(attempt, 8)).toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ReleaseSourceException("The download was interrupted (the process is stopping).", e);
    }
  }
}
