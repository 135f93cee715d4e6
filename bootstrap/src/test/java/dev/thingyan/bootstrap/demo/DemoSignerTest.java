package dev.thingyan.bootstrap.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoSignerTest {

  @TempDir Path dir;
  private final DemoSigner signer = DemoSigner.generate();

  private Path signed(String content, String comment) throws Exception {
    Path file = Files.writeString(dir.resolve("SHA256SUMS"), content);
    Files.write(dir.resolve("SHA256SUMS.minisig"), signer.sign(Files.readAllBytes(file), comment));
    Files.writeString(dir.resolve("demo.pub"), signer.publicKeyFile());
    return file;
  }

  @Test
  void theRealMinisignAcceptsTheSignature() throws Exception {
    Path file = signed("0123  app-1.0.0.tar.gz\n", "thingyan release v1.0.0");
    Minisign.Result r = Minisign.verify(dir.resolve("demo.pub"), file);
    assertThat(r.exit()).as(r.output()).isZero();
    assertThat(r.output()).contains("Signature and comment signature verified")
        .contains("Trusted comment: thingyan release v1.0.0");
  }

  @Test
  void theRealMinisignRejectsATamperedFile() throws Exception {
    Path file = signed("0123  app-1.0.0.tar.gz\n", "thingyan release v1.0.0");
    Files.writeString(file, "4567  app-1.0.0.tar.gz\n");
    Minisign.Result r = Minisign.verify(dir.resolve("demo.pub"), file);
    assertThat(r.exit()).as(r.output()).isNotZero();
    assertThat(r.output()).contains("Signature verification failed");
  }

  @Test
  void theRealMinisignRejectsAnEditedTrustedComment() throws Exception {
    Path file = signed("0123  app-1.0.0.tar.gz\n", "thingyan release v1.0.0");
    Path sig = dir.resolve("SHA256SUMS.minisig");
    Files.writeString(sig, Files.readString(sig).replace("v1.0.0", "v9.0.0"));
    Minisign.Result r = Minisign.verify(dir.resolve("demo.pub"), file);
    assertThat(r.exit()).as(r.output()).isNotZero();
    assertThat(r.output()).contains("Comment signature verification failed");
  }

  @Test
  void keyIdsAreShownAsMinisignShowsThem() throws Exception {
    Path file = signed("x\n", "thingyan release v1.0.0");
    DemoSigner other = DemoSigner.generate();
    Files.writeString(dir.resolve("other.pub"), other.publicKeyFile());
    Minisign.Result r = Minisign.verify(dir.resolve("other.pub"), file);
    assertThat(r.exit()).isNotZero();
    assertThat(r.output()).contains(signer.keyId()).contains(other.keyId());
    assertThat(signer.keyId()).matches("[0-9A-F]{16}");
  }

  @Test
  void thePublicKeyAndSignatureHaveMinisignsLayout() {
    byte[] pub = Base64.getDecoder().decode(signer.publicKeyBase64());
    assertThat(pub).hasSize(42);
    assertThat(new String(pub, 0, 2, StandardCharsets.US_ASCII)).isEqualTo("Ed");
    String[] lines = new String(signer.sign(new byte[0], "c"), StandardCharsets.UTF_8).split("\n");
    assertThat(lines).hasSize(4);
    byte[] sig = Base64.getDecoder().decode(lines[1]);
    assertThat(sig).hasSize(74);
    assertThat(new String(sig, 0, 2, StandardCharsets.US_ASCII)).isEqualTo("ED");
    assertThat(java.util.Arrays.copyOfRange(sig, 2, 10)).isEqualTo(java.util.Arrays.copyOfRange(pub, 2, 10));
    assertThat(lines[2]).isEqualTo("trusted comment: c");
  }

  @Test
  void refusesATrustedCommentOfTwoLines() {
    assertThatThrownBy(() -> signer.sign(new byte[0], "a\nb"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("single line");
  }
}
