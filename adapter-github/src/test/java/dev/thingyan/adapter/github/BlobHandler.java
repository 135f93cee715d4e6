package dev.thingyan.adapter.github;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Serves a {@link Blob} as S3 does: honours {@code Range: bytes=N-} with a 206, or ignores it when
 * told to. The first {@code drops} answers announce the full length, send only {@code dropAt}
 * bytes, and close the connection: a dropped download.
 */
final class BlobHandler implements HttpHandler {
  private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-");
  private final Blob blob;
  private final AtomicInteger drops;
  private final long dropAt;
  private final boolean honourRange;
  private final List<String> ranges = new CopyOnWriteArrayList<>();

  BlobHandler(Blob blob, int drops, long dropAt, boolean honourRange) {
    this.blob = blob;
    this.drops = new AtomicInteger(drops);
    this.dropAt = dropAt;
    this.honourRange = honourRange;
  }

  static BlobHandler serving(Blob blob) {
    return new BlobHandler(blob, 0, 0, true);
  }

  /** The Range header of each request ({@code "none"} when absent), in order. */
  List<String> ranges() {
    return List.copyOf(ranges);
  }

  @Override
  public void handle(HttpExchange ex) throws IOException {
    String range = ex.getRequestHeaders().getFirst("Range");
    ranges.add(range == null ? "none" : range);
    long from = 0;
    Matcher m = range == null ? null : RANGE.matcher(range);
    if (honourRange && m != null && m.matches()) {
      from = Long.parseLong(m.group(1));
      ex.getResponseHeaders().add("Content-Range", "bytes " + from + "-" + (blob.size() - 1) + "/" + blob.size());
    }
    ex.getResponseHeaders().add("Content-Type", "application/octet-stream");
    long length = blob.size() - from;
    ex.sendResponseHeaders(from > 0 ? 206 : 200, length);
    boolean drop = drops.getAndDecrement() > 0;
    long send = drop ? Math.min(dropAt, length) : length;
    OutputStream out = ex.getResponseBody();
    try (InputStream in = blob.from(from)) {
      byte[] buf = new byte[64 * 1024];
      long left = send;
      while (left > 0) {
        int n = in.read(buf, 0, (int) Math.min(buf.length, left));
        out.write(buf, 0, n);
        left -= n;
      }
      out.flush();
    }
    // Closing a fixed-length exchange before all bytes are written drops the connection.
    ex.close();
  }
}
