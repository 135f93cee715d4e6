package dev.thingyan.adapter.storage.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Trusted keys are checked when the verifier is built, naming the key that is wrong. */
class MinisignPublicKeyTest {

  private final MinisignSigner signer = MinisignSigner.generate();

  @Test
  void readsTheKeyLineAndTheWholePubFile() {
    assertThat(MinisignPublicKey.parse(signer.publicKeyLine()).keyIdHex()).isEqualTo(signer.keyIdHex());
    assertThat(MinisignPublicKey.parse("\n" + signer.publicKeyFile() + "\n\n").keyIdHex())
        .isEqualTo(signer.keyIdHex());
  }

  @Test
  void displaysTheKeyIdLittleEndianAsMinisignDoes() {
    byte[] key = Base64.getDecoder().decode("RWQUgXNEfnMSZUi6lbWbvxuXzRCvpGFVrNoaBfSB26VoGkEoowm5AKwx");

    assertThat(MinisignPublicKey.parse(Base64.getEncoder().encodeToString(key)).keyIdHex())
        .isEqualTo("6512737E44738114");
  }

  @Test
  void namesTheMalformedKeyByIndexAndSaysWhy() {
    String good = signer.publicKeyLine();
    byte[] decoded = Base64.getDecoder().decode(good);
    decoded[0] = 'R';
    String wrongAlg = Base64.getEncoder().encodeToString(decoded);
    String short40 = Base64.getEncoder().encodeToString(Arrays.copyOf(decoded, 40));

    assertRefused(List.of(good, "not*base64"), "#2", "not valid base64");
    assertRefused(List.of(short40), "#1", "decodes to 40 bytes, expected 42");
    assertRefused(List.of(good, good, wrongAlg), "#3", "algorithm is 'Rd'");
    assertRefused(List.of("a\nb\nc"), "#1", "got 3 line(s)");
    assertRefused(List.of("comment\n" + good), "#1", "got 2 line(s)");
    assertRefused(List.of(""), "#1", "got 0 line(s)");
  }

  @Test
  void refusesTwoDifferentKeysUnderOneIdButToleratesTheSameKeyTwice() {
    byte[] clash = Base64.getDecoder().decode(MinisignSigner.generate().publicKeyLine());
    System.arraycopy(Base64.getDecoder().decode(signer.publicKeyLine()), 2, clash, 2, 8);

    assertThat(new MinisignVerifier(List.of(signer.publicKeyLine(), signer.publicKeyFile()))
        .trustedKeyIds()).containsExactly(signer.keyIdHex());
    assertRefused(List.of(signer.publicKeyLine(), Base64.getEncoder().encodeToString(clash)), "#2",
        "key id " + signer.keyIdHex() + " of an earlier, different key");
  }

  private static void assertRefused(List<String> keys, String index, String why) {
    assertThatThrownBy(() -> new MinisignVerifier(keys))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("trusted public key " + index)
        .hasMessageContaining(why);
  }
}
