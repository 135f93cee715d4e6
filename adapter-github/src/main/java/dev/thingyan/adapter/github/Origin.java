package dev.thingyan.adapter.github;

import java.net.URI;
import java.util.Locale;

/**
 * Scheme, host and port of a URL: the unit a credential is bound to. The token goes to the API's
 * origin and nowhere else (a download's redirect target, a next-page link on another host).
 */
record Origin(String scheme, String host, int port) {

  static Origin of(URI url) {
    String scheme = String.valueOf(url.getScheme()).toLowerCase(Locale.ROOT);
    String host = String.valueOf(url.getHost()).toLowerCase(Locale.ROOT);
    int port = url.getPort() != -1 ? url.getPort() : scheme.equals("https") ? 443 : 80;
    return new Origin(scheme, host, port);
  }

  boolean sameAs(URI url) {
    return url.isAbsolute() && equals(of(url));
  }

  static boolean isLoopback(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    return h.equals("localhost") || h.startsWith("127.") || h.equals("[::1]") || h.equals("::1");
  }

  @Override
  public String toString() {
    return scheme + "://" + host + ":" + port;
  }
}
