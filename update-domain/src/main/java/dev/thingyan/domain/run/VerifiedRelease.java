package dev.thingyan.domain.run;

import dev.thingyan.ports.model.Release;
import dev.thingyan.ports.model.ReleaseAsset;
import dev.thingyan.ports.model.ReleaseManifest;
import dev.thingyan.ports.model.SignatureCheck;
import java.util.Optional;

/**
 * A release whose checksum list verified (signature, trusted comment naming its version) and which
 * names the app package and its expected SHA-256.
 */
record VerifiedRelease(Release release, ReleaseAsset packageAsset, String packageSha256,
    ReleaseManifest manifest, Optional<SignatureCheck> signature) {}
