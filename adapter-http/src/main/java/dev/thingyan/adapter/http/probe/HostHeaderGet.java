package dev.thingyan.adapter.http.probe;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * One HTTP/1.1 GET over a socket, for a target that names its own {@code Host} (a virtual host
 * served on 127.0.0.1). java.net.http refuses a Host header unless the JVM-wide system property
 * {@code jdk.httpclient.allowRestrictedHeaders} is set before its first use, which a library
 * embedded in a host's JVM must not do; this request needs no property. Over https the Host
 * name is also the TLS server name and the name the certificate is checked against.
 */
final class HostHeaderGet {

  private HostHeaderGet() {}

  static boolean needed(HttpTarget target) {
    return hostHeader(target.headers()) != null;
  }

  static ProbeHttp.Outcome get(HttpTarget target, URI uri, long deadline, Duration connectTimeout) {
    String host = hostHeader(target.headers());
    int port = uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    try (Socket socket = open(uri, host, port, deadline, connectTimeout)) {
      OutputStream out = socket.getOutputStream();
      out.write(request(uri, host, target.headers()).getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      return read(new BufferedInputStream(socket.getInputStream()), socket, uri, deadline);
    } catch (SocketTimeoutException e) {
      return new ProbeHttp.Failure("timeout after " + ProbeHttp.human(target.timeout()));
    } catch (IOException e) {
      return new ProbeHttp.Failure(ProbeHttp.FailureText.of(e, target.timeout()));
    }
  }

  private static Socket open(URI uri, String host, int port, long deadline, Duration connectTimeout)
      throws IOException {
    Socket plain = new Socket();
    plain.connect(new InetSocketAddress(uri.getHost(), port),
        (int) Math.max(1, Math.min(connectTimeout.toMillis(), millisLeft(deadline))));
    if (!"https".equalsIgnoreCase(uri.getScheme())) {
      return plain;
    }
    String name = host.replaceFirst(":\\d+$", "");
    SSLSocket tls = (SSLSocket) ((SSLSocketFactory) SSLSocketFactory.getDefault())
        .createSocket(plain, name, port, true);
    SSLParameters params = tls.getSSLParameters();
    params.setServerNames(List.of(new SNIHostName(name)));
    params.setEndpointIdentificationAlgorithm("HTTPS");
    tls.setSSLParameters(params);
    return tls;
  }

  private static String request(URI uri, String host, Map<String, String> headers) {
    String path = (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
        + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    StringBuilder b = new StringBuilder("GET ").append(path).append(" HTTP/1.1\r\n")
        .append("Host: ").append(host).append("\r\n");
    // a configured Accept replaces the default, as setHeader does on the JDK client's path
    if (headers.keySet().stream().noneMatch("accept"::equalsIgnoreCase)) {
      b.append("Accept: application/json, text/plain;q=0.9, */*;q=0.5\r\n");
    }
    b.append("Connection: close\r\n");
    headers.forEach((name, value) -> {
      if (!name.equalsIgnoreCase("host") && !name.equalsIgnoreCase("connection")) {
        b.append(name).append(": ").append(value).append("\r\n");
      }
    });
    return b.append("\r\n").toString();
  }

  private static ProbeHttp.Outcome read(InputStream in, Socket socket, URI uri, long deadline)
      throws IOException {
    String status = line(in, socket, deadline);
    String[] parts = status.split(" ", 3);
    if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
      return new ProbeHttp.Failure("answered with something that is not HTTP");
    }
    int code = Integer.parseInt(parts[1].trim());
    String location = "";
    List<String> cookies = new ArrayList<>();
    long length = -1;
    boolean chunked = false;
    for (String h = line(in, socket, deadline); !h.isEmpty(); h = line(in, socket, deadline)) {
      int colon = h.indexOf(':');
      if (colon < 0) {
        continue;
      }
      String name = h.substring(0, colon).trim().toLowerCase(Locale.ROOT);
      String value = h.substring(colon + 1).trim();
      switch (name) {
        case "location" -> location = value;
        case "set-cookie" -> cookies.add(value);
        case "content-length" -> length = Long.parseLong(value);
        case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
        default -> { }
      }
    }
    String body = chunked ? chunked(in, socket, deadline) : body(in, socket, deadline, length);
    return new ProbeHttp.Answer(code, body, uri, location, cookies);
  }

  private static String chunked(InputStream in, Socket socket, long deadline) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    while (out.size() < ProbeHttp.MAX_BODY_BYTES) {
      String size = line(in, socket, deadline).split(";", 2)[0].trim();
      long n = size.isEmpty() ? 0 : Long.parseLong(size, 16);
      if (n == 0) {
        break;
      }
      copy(in, socket, deadline, out, n);
      line(in, socket, deadline);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  private static String body(InputStream in, Socket socket, long deadline, long length)
      throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    copy(in, socket, deadline, out, length < 0 ? Long.MAX_VALUE : length);
    return out.toString(StandardCharsets.UTF_8);
  }

  /** Copies up to {@code n} bytes, never more than the body limit; stops at the end of the stream. */
  private static void copy(InputStream in, Socket socket, long deadline, ByteArrayOutputStream out,
      long n) throws IOException {
    byte[] buf = new byte[8192];
    long left = n;
    while (left > 0 && out.size() < ProbeHttp.MAX_BODY_BYTES) {
      socket.setSoTimeout(timeout(deadline));
      int r = in.read(buf, 0, (int) Math.min(buf.length, Math.min(left,
          ProbeHttp.MAX_BODY_BYTES - out.size())));
      if (r < 0) {
        return;
      }
      out.write(buf, 0, r);
      left -= r;
    }
  }

  private static String line(InputStream in, Socket socket, long deadline) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    socket.setSoTimeout(timeout(deadline));
    for (int c = in.read(); c != '\n'; c = in.read()) {
      if (c < 0) {
        throw new IOException("the connection closed in the middle of the answer");
      }
      if (c != '\r' && b.size() < 16 * 1024) {
        b.write(c);
      }
    }
    return b.toString(StandardCharsets.ISO_8859_1);
  }

  private static int timeout(long deadline) throws SocketTimeoutException {
    long left = millisLeft(deadline);
    if (left <= 0) {
      throw new SocketTimeoutException("deadline passed");
    }
    return (int) Math.min(Integer.MAX_VALUE, left);
  }

  private static long millisLeft(long deadline) {
    return (deadline - System.nanoTime()) / 1_000_000;
  }

  private static String hostHeader(Map<String, String> headers) {
    return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase("host"))
        .map(Map.Entry::getValue).findFirst().orElse(null);
  }
}
