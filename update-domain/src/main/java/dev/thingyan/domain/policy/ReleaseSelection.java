package dev.thingyan.domain.policy;

import dev.thingyan.ports.model.FailedRelease;
import dev.thingyan.ports.model.Release;
import dev.thingyan.ports.model.Version;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Picks the release an update installs. */
public final class ReleaseSelection {

  private ReleaseSelection() {}

  /**
   * @return the newest non-draft release newer than {@code current} (pre-releases only when
   *     allowed); empty when there is none
   */
  public static Optional<Release> newest(List<Release> releases, Optional<Version> current,
      boolean allowPreRelease) {
    return newest(releases, current, allowPreRelease, List.of()).release();
  }

  /**
   * The automatic choice: {@link #newest(List, Optional, boolean)} passing over the versions whose
   * installation failed (a newer release is offered as soon as it appears; a failed one only when
   * an admin names it).
   *
   * @param failed the versions that failed when installed
   */
  public static Choice newest(List<Release> releases, Optional<Version> current, boolean allowPreRelease,
      List<FailedRelease> failed) {
    List<Release> eligible = releases.stream()
        .filter(r -> !r.draft())
        .filter(r -> allowPreRelease || !(r.preRelease() || r.version().isPreRelease()))
        .filter(r -> current.isEmpty() || r.version().compareTo(current.get()) > 0)
        .sorted(Comparator.comparing(Release::version).reversed())
        .toList();
    List<FailedRelease> passedOver = new ArrayList<>();
    for (Release r : eligible) {
      Optional<FailedRelease> f = FailedReleases.find(failed, r.version());
      if (f.isEmpty()) return new Choice(Optional.of(r), passedOver);
      passedOver.add(f.get());
    }
    return new Choice(Optional.empty(), passedOver);
  }

  /**
   * @param release the release to install, if any
   * @param passedOver the failed versions newer than it that were skipped, newest first
   */
  public record Choice(Optional<Release> release, List<FailedRelease> passedOver) {
    public Choice {
      java.util.Objects.requireNonNull(release, "release");
      passedOver = List.copyOf(passedOver);
    }
  }

  /**
   * @return true when the signed trusted comment names this release's version, as a whole word
   *     ({@code v1.2.0} or {@code 1.2.0}; {@code 1.2.0} inside {@code 11.2.0} or {@code 1.2.0-rc.1}
   *     does not count): a valid signature of another release cannot be replayed as this one
   */
  public static boolean trustedCommentNames(String trustedComment, Version version) {
    String v = java.util.regex.Pattern.quote(version.toString());
    return java.util.regex.Pattern.compile("(?<![0-9A-Za-z.+-])v?" + v + "(?![0-9A-Za-z.+-]|\\.[0-9A-Za-z])")
        .matcher(trustedComment).find();
  }
}
