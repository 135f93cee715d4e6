package dev.thingyan.adapter.github;

import java.net.URI;
import java.util.Collection;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads GitHub's pagination header (RFC 8288), e.g.
 * {@code <https://api.github.com/repositories/1/releases?page=2>; rel="next", <…>; rel="last"}.
 */
final class LinkHeader {
  // One link-value: <uri> followed by parameters up to the next comma that starts a new "<".
  private static final Pattern LINK = Pattern.compile("<([^>]*)>((?:\\s*;\\s*[^;,<]+)*)");
  private static final Pattern REL = Pattern.compile("(?i)rel\\s*=\\s*\"?([^\";]+)\"?");

  private LinkHeader() {}

  /** @return the target of the link whose {@code rel} contains {@code rel}, from any of the values */
  static Optional<URI> find(Collection<String> headerValues, String rel) {
    if (headerValues == null) {
      return Optional.empty();
    }
    for (String value : headerValues) {
      Matcher link = LINK.matcher(value);
      while (link.find()) {
        Matcher r = REL.matcher(link.group(2));
        if (r.find() && hasRel(r.group(1), rel)) {
          return Optional.of(URI.create(link.group(1).trim()));
        }
      }
    }
    return Optional.empty();
  }

  // rel may hold several space-separated relation types: rel="next last" is both.
  private static boolean hasRel(String rels, String rel) {
    for (String r : rels.trim().split("\\s+")) {
      if (r.equalsIgnoreCase(rel)) {
        return true;
      }
    }
    return false;
  }
}
