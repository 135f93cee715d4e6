package dev.thingyan.adapter.github;

import dev.thingyan.ports.model.ReleaseAsset;
import dev.thingyan.ports.out.ReleaseSourceException;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a download answer means for the file on disk: a 206 for the asked range appends, a 200
 * replaces, a 416 or a range not asked for starts over, an error status fails (5xx as a dropped
 * connection would, so it is tried again).
 */
final class DownloadAnswers {
  /** The answer carries no body to keep; the next attempt starts from what the file holds now. */
  static final long NO_BODY = -2;
  private static final Logger LOG = LoggerFactory.getLogger(DownloadAnswers.class);
  private final GitHubErrors errors;

  DownloadAnswers(GitHubErrors errors) {
    this.errors = errors;
  }

  /**
   * Checks the answer and positions the file for its body.
   *
   * @return the expected total size (-1 unknown), or {@link #NO_BODY} when this answer carries no usable body
   */
  long startBody(ReleaseAsset asset, HttpURLConnection c, HashingFile file, long from)
      throws IOException {
    int status = c.getResponseCode();
    if (status == 206) {
      Optional<ContentRange> range = ContentRange.parse(c.getHeaderField("Content-Range"));
      if (range.isPresent() && range.get().start() == from) {
        return range.get().total().orElse(asset.size());
      }
      LOG.warn("Download of {}: the server answered a range other than bytes={}-; starting over",
          asset.name(), from);
      file.restart();
      return NO_BODY;
    }
    if (status == 200) {
      if (from > 0) {
        LOG.info("Download of {}: the server sent the whole file, not a range; starting over", asset.name());
        file.restart();
      }
      long length = c.getContentLengthLong();
      return length >= 0 ? length : asset.size();
    }
    if (status == 416) {
      LOG.warn("Download of {}: bytes={}- is past the end of the file; starting over", asset.name(), from);
      file.restart();
      return NO_BODY;
    }
    throw failure(asset, c, status);
  }

  private RuntimeException failure(ReleaseAsset asset, HttpURLConnection c, int status)
      throws IOException {
    byte[] body;
    try (InputStream err = c.getErrorStream()) {
      body = err == null ? new byte[0] : err.readNBytes(64 * 1024);
    }
    ReleaseSourceException e = errors.toException(status, "the download of asset " + asset.name(),
        name -> Optional.ofNullable(c.getHeaderField(name)), body);
    if (status >= 500) {
      // A server error mid-download is as temporary as a dropped connection: try again.
      throw new IOException(e.getMessage());
    }
    return e;
  }

}
