package dev.thingyan.bootstrap.demo;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The download host behind {@link DemoReleaseServer} (GitHub's object storage): serves an
 * asset's bytes with {@code Content-Length}, and from an offset with {@code Range: bytes=N-}
 * (206), so that a client can resume a dropped download.
 */
final class AssetStorage {

  private static final Pattern PATH = Pattern.compile("/assets/(\\d+)/([^/]+)");
  private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-(\\d*)");

  private final Map<Long, GitHubJson.Asset> assets;

  AssetStorage(Map<Long, GitHubJson.Asset> assets) {
    this.assets = assets;
  }

  static String path(GitHubJson.Asset a) {
    return "/assets/" + a.id() + "/" + a.name();
  }

  void handle(HttpExchange ex) throws IOException {
    Matcher m = PATH.matcher(ex.getRequestURI().getPath());
    GitHubJson.Asset asset = m.matches() ? assets.get(Long.parseLong(m.group(1))) : null;
    if (asset == null || !asset.name().equals(m.group(2))) {
      DemoReleaseServer.send(ex, 404, "application/xml", "<Error><Code>NoSuchKey</Code></Error>");
      return;
    }
    long size = asset.size();
    Optional<long[]> range = range(ex.getRequestHeaders().getFirst("Range"), size);
    if (range.isPresent() && range.get()[0] >= size) {
      ex.getResponseHeaders().set("Content-Range", "bytes */" + size);
      DemoReleaseServer.send(ex, 416, "application/xml", "<Error><Code>InvalidRange</Code></Error>");
      return;
    }
    long from = range.map(r -> r[0]).orElse(0L);
    long to = range.map(r -> Math.min(r[1], size - 1)).orElse(size - 1);
    ex.getResponseHeaders().set("Content-Type", asset.contentType());
    ex.getResponseHeaders().set("Accept-Ranges", "bytes");
    if (range.isPresent()) {
      ex.getResponseHeaders().set("Content-Range", "bytes " + from + "-" + to + "/" + size);
    }
    long length = Math.max(0, to - from + 1);
    boolean head = "HEAD".equals(ex.getRequestMethod());
    ex.sendResponseHeaders(range.isPresent() ? 206 : 200, head || length == 0 ? -1 : length);
    if (!head) {
      copy(asset, from, length, ex.getResponseBody());
    }
  }

  /** @return {from, to} of a {@code bytes=N-} or {@code bytes=N-M} header; empty when absent or not understood */
  private static Optional<long[]> range(String header, long size) {
    Matcher m = header == null ? null : RANGE.matcher(header.trim());
    if (m == null || !m.matches()) {
      return Optional.empty();
    }
    long from = Long.parseLong(m.group(1));
    if (m.group(2).isEmpty()) {
      return Optional.of(new long[] {from, size - 1});
    }
    long to = Long.parseLong(m.group(2));
    // an end before the start makes the header invalid: RFC 9110 says to ignore it
    return to < from ? Optional.empty() : Optional.of(new long[] {from, to});
  }

  private static void copy(GitHubJson.Asset asset, long from, long length, OutputStream out)
      throws IOException {
    try (FileChannel ch = FileChannel.open(asset.file(), StandardOpenOption.READ);
        InputStream in = Channels.newInputStream(ch.position(from))) {
      byte[] buffer = new byte[64 * 1024];
      long left = length;
      while (left > 0) {
        int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
        if (n < 0) {
          break;
        }
        out.write(buffer, 0, n);
        left -= n;
      }
    }
    out.close();
  }
}
