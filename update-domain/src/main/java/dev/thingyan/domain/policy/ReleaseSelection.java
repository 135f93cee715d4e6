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
    Candidates c = candidates(releases, current, allowPreRelease, failed);
    Optional<Release> first = c.inOrder().stream().findFirst();
    return new Choice(first, c.passedOverNewerThan(first));
  }

  /**
   * @return every release the automatic choice may take, newest first: the caller verifies them
   *     in turn and takes the first that passes, so one bad release cannot stop all updates
   */
  public static Candidates candidates(List<Release> releases, Optional<Version> current,
      boolean allowPreRelease, List<FailedRelease> failed) {
    List<Release> eligible = releases.stream()
        .filter(r -> !r.draft())
        .filter(r -> allowPreRelease || !isPreRelease(r))
        .filter(r -> current.isEmpty() || r.version().compareTo(current.get()) > 0)
        .sorted(Comparator.comparing(Release::version).reversed())
        .toList();
    List<FailedRelease> passedOver = new ArrayList<>();
    List<Release> inOrder = new ArrayList<>();
    for (Release r : eligible) {
      Optional<FailedRelease> f = FailedReleases.find(failed, r.version());
      if (f.isEmpty()) {
        inOrder.add(r);
      } else {
        passedOver.add(f.get());
      }
    }
    return new Candidates(inOrder, passedOver);
  }

  /** @return true for a release GitHub marks as a pre-release or whose version has a suffix. */
  public static boolean isPreRelease(Release r) {
    return r.preRelease() || r.version().isPreRelease();
  }

  /**
   * @param inOrder the releases to try, newest first
   * @param passedOver the versions among them whose installation failed, newest first
   */
  public record Candidates(List<Release> inOrder, List<FailedRelease> passedOver) {
    public Candidates {
      inOrder = List.copyOf(inOrder);
      passedOver = List.copyOf(passedOver);
    }

    /** @return the failed versions newer than the release taken (all of them when none is). */
    public List<FailedRelease> passedOverNewerThan(Optional<Release> taken) {
      return passedOver.stream().filter(f -> taken.isEmpty()
          || f.version().compareTo(taken.get().version()) > 0).toList();
    }
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

  /** The trusted comment's grammar: {@code <app> release v<version>}, nothing before or after. */
  public static final String TRUSTED_COMMENT_FORM = "<app> release v<version>";
  private static final java.util.regex.Pattern TRUSTED_COMMENT =
      java.util.regex.Pattern.compile("([A-Za-z0-9._-]{1,100}) release v?(\\S+)");

  /**
   * Checks the signed trusted comment against the grammar {@value #TRUSTED_COMMENT_FORM}: it must
   * name this app and exactly this one version. A valid signature of another release, or of
   * another app signed with a shared key, cannot be replayed as this one.
   *
   * @param app the app the comment must name; empty accepts any app name (a folder source with
   *     no {@code source.app_name})
   * @return why the comment does not bind this release, or empty when it does
   */
  public static Optional<String> trustedCommentRefusal(String trustedComment, Optional<String> app,
      Version version) {
    java.util.regex.Matcher m = TRUSTED_COMMENT.matcher(trustedComment);
    if (!m.matches()) {
      return Optional.of("its trusted comment '" + trustedComment + "' is not in the form '"
          + TRUSTED_COMMENT_FORM + "' (one app name, one version)");
    }
    if (app.isPresent() && !app.get().equals(m.group(1))) {
      return Optional.of("it was signed for the app '" + m.group(1) + "', not '" + app.get()
          + "' (trusted comment '" + trustedComment + "')");
    }
    Optional<Version> named;
    try {
      named = Optional.of(Version.parse(m.group(2)));
    } catch (IllegalArgumentException e) {
      named = Optional.empty();
    }
    if (named.isEmpty() || !named.get().equals(version)
        || !named.get().toString().equals(m.group(2))) {
      return Optional.of("it was signed for another release (its trusted comment is '"
          + trustedComment + "', which does not name " + version + ")");
    }
    return Optional.empty();
  }
}
