package dev.thingyan.domain.policy;

import dev.thingyan.ports.model.Release;
import dev.thingyan.ports.model.ReleaseAsset;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Finds a release's app package among its assets by a file-name glob ({@code *}, {@code ?}). */
public final class AssetGlob {

  private final String glob;
  private final Pattern pattern;

  public AssetGlob(String glob) {
    this.glob = glob;
    StringBuilder re = new StringBuilder();
    for (char c : glob.toCharArray()) {
      re.append(c == '*' ? "[^/]*" : c == '?' ? "[^/]" : Pattern.quote(String.valueOf(c)));
    }
    this.pattern = Pattern.compile(re.toString());
  }

  /**
   * @return the one matching asset; empty when none matches
   * @throws IllegalArgumentException when several match (ambiguous: which one would we install?)
   */
  public Optional<ReleaseAsset> find(Release release) {
    List<ReleaseAsset> hits = release.assets().stream()
        .filter(a -> pattern.matcher(a.name()).matches())
        .toList();
    if (hits.size() > 1) {
      throw new IllegalArgumentException("release " + release.tag() + " has " + hits.size()
          + " assets matching '" + glob + "' (" + hits.stream().map(ReleaseAsset::name).toList()
          + "): set app.package_asset to pick one");
    }
    return hits.stream().findFirst();
  }

  @Override
  public String toString() {
    return glob;
  }
}
