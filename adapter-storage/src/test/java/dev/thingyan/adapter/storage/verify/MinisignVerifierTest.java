package dev.thingyan.adapter.storage.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.thingyan.ports.out.SignatureInvalidException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every way a signature must be refused, each with its own message. */
class MinisignVerifierTest {

  private static final byte[] SUMS = "abcd  pms-1.4.0.tar.gz\n".getBytes(StandardCharsets.UTF_8);

  private final MinisignSigner signer = MinisignSigner.generate();
  private final MinisignSigner other = MinisignSigner.generate();
  private final MinisignVerifier verifier = new MinisignVerifier(List.of(signer.publicKeyFile()));
  private final String sig = signer.sign(SUMS, "version:1.4.0");

  @Test
  void acceptsTheGenuineSignatureAlsoWithWindowsLineEnds() {
    assertThat(verifier.verify(SUMS, bytes(sig)).trustedComment()).isEqualTo("version:1.4.0");
    assertThat(verifier.verify(SUMS, bytes(sig.replace("\n", "\r\n"))).keyId())
        .isEqualTo(signer.keyIdHex());
  }

  @Test
  void refusesTamperedContent() {
    byte[] changed = "abcd  pms-1.4.1.tar.gz\n".getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> verifier.verify(changed, bytes(sig)))
        .isInstanceOf(SignatureInvalidException.class)
        .hasMessageContaining("does not match the file")
        .hasMessageContaining("changed after signing or signed by another key");
  }

  @Test
  void refusesTamperedTrustedComment() {
    String replayed = sig.replace("version:1.4.0", "version:9.9.9");

    assertThatThrownBy(() -> verifier.verify(SUMS, bytes(replayed)))
        .isInstanceOf(SignatureInvalidException.class)
        .hasMessageContaining("trusted comment was tampered with");
  }

  @Test
  void refusesAWrongKeyThatClaimsTheTrustedKeyId() {
    // another key under the trusted key's id: only the Ed25519 check can catch this
    String forged = other.sign(SUMS, "version:1.4.0");
    byte[] line = Base64.getDecoder().decode(forged.lines().skip(1).findFirst().orElseThrow());
    byte[] trustedId = Base64.getDecoder().decode(signer.publicKeyLine());
    System.arraycopy(trustedId, 2, line, 2, 8);
    String claimed = forged.replace(forged.lines().skip(1).findFirst().orElseThrow(),
        Base64.getEncoder().encodeToString(line));

    assertThatThrownBy(() -> verifier.verify(SUMS, bytes(claimed)))
        .isInstanceOf(SignatureInvalidException.class)
        .hasMessageContaining("signed by another key");
  }

  @Test
  void refusesAnUnknownKeyAndListsTheTrustedOnes() {
    MinisignSigner third = MinisignSigner.generate();
    MinisignVerifier two =
        new MinisignVerifier(List.of(signer.publicKeyLine(), third.publicKeyFile()));

    assertThatThrownBy(() -> two.verify(SUMS, bytes(other.sign(SUMS, "version:1.4.0"))))
        .isInstanceOf(SignatureInvalidException.class)
        .hasMessageContaining("made by key " + other.keyIdHex())
        .hasMessageContaining("not trusted")
        .hasMessageContaining(signer.keyIdHex() + ", " + third.keyIdHex());
  }

  @Test
  void picksTheKeyByIdAmongSeveral() {
    MinisignVerifier two = new MinisignVerifier(List.of(other.publicKeyLine(), signer.publicKeyLine()));

    assertThat(two.verify(SUMS, bytes(sig)).keyId()).isEqualTo(signer.keyIdHex());
    assertThat(two.trustedKeyIds()).containsExactly(other.keyIdHex(), signer.keyIdHex());
  }

  @Test
  void refusesTruncatedAndGarbageSignatureFiles() {
    String truncated = String.join("\n", sig.lines().limit(3).toList());
    String cutLine = sig.substring(0, sig.indexOf("\ntrusted") - 10) + sig.substring(sig.indexOf("\ntrusted"));

    assertMalformed(truncated, "3 line(s)");
    assertMalformed(cutLine, "line 2 decodes to");
    assertMalformed("", "0 line(s)");
    assertMalformed("<html>rate limited</html>\n\n\n\n\n", "line 1 does not start");
    assertMalformed(sig.replace("\ntrusted comment: ", "\ncomment: "), "line 3 does not start");
  }

  @Test
  void refusesBadBase64AndAnUnknownAlgorithm() {
    String line2 = sig.lines().skip(1).findFirst().orElseThrow();
    byte[] decoded = Base64.getDecoder().decode(line2);
    decoded[1] = 'X';

    assertMalformed(sig.replace(line2, "!!" + line2.substring(2)), "line 2 is not valid base64");
    assertMalformed(sig.replace(line2, Base64.getEncoder().encodeToString(decoded)), "'EX'");
    String line4 = sig.lines().skip(3).findFirst().orElseThrow();
    assertMalformed(sig.replace(line4, line4.substring(4)), "line 4");
  }

  @Test
  void hasNoTrustedKeysWhenNoneAreConfigured() {
    MinisignVerifier none = new MinisignVerifier(List.of());

    assertThat(none.hasTrustedKeys()).isFalse();
    assertThat(verifier.hasTrustedKeys()).isTrue();
    assertThatThrownBy(() -> none.verify(SUMS, bytes(sig))).hasMessageContaining("none configured");
  }

  private void assertMalformed(String signature, String detail) {
    assertThatThrownBy(() -> verifier.verify(SUMS, bytes(signature)))
        .isInstanceOf(SignatureInvalidException.class)
        .hasMessageStartingWith("The signature file is malformed")
        .hasMessageContaining(detail);
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
