package dev.thingyan.domain.run;

import dev.thingyan.domain.policy.CompatibilityPolicy;
import dev.thingyan.domain.policy.Decision;
import dev.thingyan.domain.policy.ReleaseSelection.Candidates;
import dev.thingyan.ports.model.Actor;
import dev.thingyan.ports.model.ConsideredRelease;
import dev.thingyan.ports.model.Release;
import dev.thingyan.ports.model.RunOptions;
import dev.thingyan.ports.model.Version;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The automatic choice that one bad release cannot freeze: candidates are verified newest first
 * (SHA256SUMS, signature, release.json: the small files only) and the first that verifies and is
 * compatible is taken. Each one refused is recorded as the audit event
 * {@code system.release.refused} naming the release and the reason: anyone able to publish a
 * release without the signing key could otherwise stop every site's updates.
 */
final class ReleaseChooser {
  /** A flood of bad releases costs at most this many verifications. */
  static final int MAX_VERIFIED = 10;
  static final String REFUSED = "system.release.refused";

  private final RunServices s;

  ReleaseChooser(RunServices s) {
    this.s = s;
  }

  Selection choose(Candidates candidates, Optional<Version> current, RunOptions options,
      Actor actor, Path dir) {
    List<ConsideredRelease> considered = new ArrayList<>();
    int verified = 0;
    for (Release r : candidates.inOrder()) {
      if (verified++ == MAX_VERIFIED) {
        considered.add(skipped(r, "not checked: the " + MAX_VERIFIED + " newer releases were "
            + "refused; name a release (apply VERSION) to check it"));
        break;
      }
      Optional<String> refusal = refusal(r, current, options, actor, dir.resolve("v" + verified));
      if (refusal.isEmpty()) {
        considered.add(new ConsideredRelease(r.version(), r.tag(), true,
            considered.isEmpty() ? "the newest release; it verifies and is compatible"
                : "the newest release that verifies and is compatible"));
        String reason = "newest release: " + r.tag() + (considered.size() > 1
            ? " (" + (considered.size() - 1) + " newer release(s) refused, see below)" : "");
        return new Selection(Optional.of(r), reason,
            candidates.passedOverNewerThan(Optional.of(r)), considered);
      }
      considered.add(skipped(r, refusal.get()));
    }
    String none = "no release newer than " + current.map(Version::toString).orElse("nothing")
        + " in " + s.ports.source().describe() + (considered.isEmpty() ? ""
        : " verifies and is compatible (" + considered.size() + " refused, see below)");
    return new Selection(Optional.empty(), none, candidates.passedOverNewerThan(Optional.empty()),
        considered);
  }

  /** @return why the release cannot be taken; a verification refusal is audited. */
  private Optional<String> refusal(Release r, Optional<Version> current, RunOptions options,
      Actor actor, Path dir) {
    try {
      VerifiedRelease v = s.verifier.verify(r, dir);
      Decision d = CompatibilityPolicy.check(current, r.version(), v.manifest(),
          s.settings.agentVersion(), options.allowDowngrade());
      return d.allowed() ? Optional.empty() : Optional.of(d.reason());
    } catch (StepFailedException e) {
      String why = RunRecorder.describe(e);
      s.audit(REFUSED, actor, Map.of("version", r.version().toString(), "tag", r.tag(),
          "detail", s.masker.mask(why)));
      return Optional.of(why);
    } finally {
      s.deleteQuietly(null, dir);
    }
  }

  private static ConsideredRelease skipped(Release r, String why) {
    return new ConsideredRelease(r.version(), r.tag(), false, why);
  }
}
