package dev.thingyan.adapter.storage.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.thingyan.ports.model.SignatureCheck;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Signatures cross between the real minisign binary and our verifier and signer, both ways. */
class MinisignInteropTest {

  private static final byte[] SUMS = ("0123abcd  pms-1.4.0.tar.gz\n"
      + "4567ef01  release.json\n").getBytes(StandardCharsets.UTF_8);

  @TempDir Path dir;

  @Test
  void verifiesMinisignDefaultPrehashedSignature() throws Exception {
    MinisignCli.generateKeys(dir, "key");
    Files.write(dir.resolve("SHA256SUMS"), SUMS);
    byte[] sig = MinisignCli.sign(dir, "key", "SHA256SUMS", "version:1.4.0", false);
    assertThat(algorithm(sig)).as("minisign 0.11 signs prehashed by default").isEqualTo("ED");

    SignatureCheck check = verifierFor(dir.resolve("key.pub")).verify(SUMS, sig);

    assertThat(check.trustedComment()).isEqualTo("version:1.4.0");
    assertThat(check.keyId()).isEqualTo(keyIdPrintedBy(dir.resolve("key.pub")));
  }

  @Test
  void verifiesMinisignLegacySignature() throws Exception {
    MinisignCli.generateKeys(dir, "key");
    Files.write(dir.resolve("SHA256SUMS"), SUMS);
    byte[] sig = MinisignCli.sign(dir, "key", "SHA256SUMS", "version:1.4.0 legacy", true);
    assertThat(algorithm(sig)).isEqualTo("Ed");

    SignatureCheck check = verifierFor(dir.resolve("key.pub")).verify(SUMS, sig);

    assertThat(check.trustedComment()).isEqualTo("version:1.4.0 legacy");
  }

  @Test
  void minisignAcceptsOurSignatureAndPublicKey() throws Exception {
    MinisignSigner signer = MinisignSigner.generate();
    Path sums = Files.write(dir.resolve("SHA256SUMS"), SUMS);
    Files.writeString(dir.resolve("ours.pub"), signer.publicKeyFile());
    signer.signToFile(sums, "version:2.0.0 ünïcode");

    MinisignCli.Result byFile = MinisignCli.run(dir, "-V", "-p", "ours.pub", "-m", "SHA256SUMS");
    MinisignCli.Result byLine =
        MinisignCli.run(dir, "-V", "-P", signer.publicKeyLine(), "-m", "SHA256SUMS");

    assertThat(byFile.exitCode()).as(byFile.output()).isZero();
    assertThat(byFile.output()).contains("Trusted comment: version:2.0.0 ünïcode");
    assertThat(byLine.exitCode()).as(byLine.output()).isZero();
    SignatureCheck check = new MinisignVerifier(List.of(signer.publicKeyLine()))
        .verify(SUMS, Files.readAllBytes(dir.resolve("SHA256SUMS.minisig")));
    assertThat(check.keyId()).isEqualTo(signer.keyIdHex());
    assertThat(check.trustedComment()).isEqualTo("version:2.0.0 ünïcode");
  }

  @Test
  void minisignRejectsOurSignatureOverChangedContent() throws Exception {
    MinisignSigner signer = MinisignSigner.generate();
    Path sums = Files.write(dir.resolve("SHA256SUMS"), SUMS);
    signer.signToFile(sums, "version:2.0.0");
    Files.writeString(sums, "changed\n");

    MinisignCli.Result r =
        MinisignCli.run(dir, "-V", "-P", signer.publicKeyLine(), "-m", "SHA256SUMS");

    assertThat(r.exitCode()).isNotZero();
  }

  @Test
  void ourPublicKeyFileMatchesMinisignsLayout() throws Exception {
    MinisignCli.generateKeys(dir, "key");
    String theirs = Files.readString(dir.resolve("key.pub"));
    String ours = MinisignSigner.generate().publicKeyFile();

    String layout = "untrusted comment: minisign public key [0-9A-F]{1,16}\nRW[A-Za-z0-9+/]{54}\n";
    assertThat(theirs).matches(layout);
    assertThat(ours).matches(layout);
  }

  @Test
  void secretKeyFilesCrossBetweenTheTools() throws Exception {
    MinisignCli.generateKeys(dir, "theirs");
    Files.write(dir.resolve("SHA256SUMS"), SUMS);
    MinisignSigner fromTheirs = MinisignSecretKeyFile.read(Files.readString(dir.resolve("theirs.sec")));
    assertThat(fromTheirs.publicKeyFile()).isEqualTo(Files.readString(dir.resolve("theirs.pub")));

    MinisignSigner ours = MinisignSigner.generate();
    Files.writeString(dir.resolve("ours.sec"), MinisignSecretKeyFile.write(ours));
    byte[] sig = MinisignCli.sign(dir, "ours", "SHA256SUMS", "version:3.0.0", false);

    assertThat(new MinisignVerifier(List.of(ours.publicKeyFile())).verify(SUMS, sig).keyId())
        .isEqualTo(ours.keyIdHex());
  }

  private static String algorithm(byte[] minisig) {
    String line = new String(minisig, StandardCharsets.UTF_8).lines().skip(1).findFirst().orElseThrow();
    return new String(Base64.getDecoder().decode(line), 0, 2, StandardCharsets.US_ASCII);
  }

  private static MinisignVerifier verifierFor(Path pub) throws Exception {
    return new MinisignVerifier(List.of(Files.readString(pub)));
  }

  /** minisign prints the id without leading zeros (PRIX64); ours is always 16 digits. */
  private static String keyIdPrintedBy(Path pub) throws Exception {
    String printed = Files.readAllLines(pub).get(0).replace("untrusted comment: minisign public key ", "");
    return "0".repeat(16 - printed.length()) + printed;
  }
}
