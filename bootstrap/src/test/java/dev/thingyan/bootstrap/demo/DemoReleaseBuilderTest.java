package dev.thingyan.bootstrap.demo;

import dev.thingyan.adapter.storage.verify.MinisignSigner;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoReleaseBuilderTest {

  @TempDir Path out;
  private final MinisignSigner signer = MinisignSigner.generate();

  @Test
  void buildsTheFourAssetsOfARelease() {
    DemoRelease r = new DemoReleaseBuilder(signer).build(SampleEdition.V2, out);
    assertThat(r.tag()).isEqualTo("v1.1.0");
    assertThat(r.dir()).isEqualTo(out.resolve("v1.1.0"));
    assertThat(r.assets()).extracting(p -> p.getFileName().toString()).containsExactly(
        "app-1.1.0.tar.gz", "release.json", "SHA256SUMS", "SHA256SUMS.minisig");
    assertThat(r.notes()).contains("rates");
    assertThat(out).isDirectoryNotContaining(p -> p.getFileName().toString().startsWith(".tree-"));
  }

  @Test
  void theChecksumsPassSha256sumAndTheSignaturePassesMinisign() throws Exception {
    DemoRelease r = new DemoReleaseBuilder(signer).build(SampleEdition.V3, out);
    Process sums = new ProcessBuilder("sha256sum", "-c", "--strict", "SHA256SUMS")
        .directory(r.dir().toFile()).redirectErrorStream(true).start();
    String sumsOut = new String(sums.getInputStream().readAllBytes());
    assertThat(sums.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(sums.exitValue()).as(sumsOut).isZero();
    assertThat(sumsOut).contains("app-1.2.0.tar.gz: OK", "release.json: OK");
    Path pub = Files.writeString(out.resolve("demo.pub"), signer.publicKeyFile());
    Minisign.Result verified = Minisign.verify(pub, r.asset("SHA256SUMS"));
    assertThat(verified.exit()).as(verified.output()).isZero();
    assertThat(verified.output()).contains("Trusted comment: pms release v1.2.0");
  }

  @Test
  void thePackageHoldsTheReleaseUnderOneFolderWithExecutableScripts() throws Exception {
    DemoRelease r = new DemoReleaseBuilder(signer).build(SampleEdition.V1, out);
    Map<String, Integer> modes = new HashMap<>();
    try (InputStream in = Files.newInputStream(r.asset("app-1.0.0.tar.gz"));
        TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(in))) {
      for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
        modes.put(e.getName(), e.getMode() & 0777);
      }
    }
    assertThat(modes.keySet()).allMatch(n -> n.startsWith("app-1.0.0/"));
    assertThat(modes).containsEntry("app-1.0.0/bin/restart.sh", 0755)
        .containsEntry("app-1.0.0/bin/app.sh", 0755)
        .containsEntry("app-1.0.0/app/App.java", 0644)
        .containsKey("app-1.0.0/database/migrations/2024_01_01_000000_create_bookings_table.sql")
        .containsKey("app-1.0.0/config/app.properties");
  }

  @Test
  void theManifestSaysWhatThisReleaseNeeds() throws Exception {
    DemoRelease r = new DemoReleaseBuilder(signer).build(SampleEdition.V2, out);
    JsonNode m = new ObjectMapper().readTree(r.asset("release.json").toFile());
    assertThat(m.get("schema_version").asText()).isEqualTo("2024_02_01_000001_create_rates_table");
    assertThat(m.get("requires_migration").asBoolean()).isTrue();
    assertThat(m.get("migrations_reversible").asBoolean()).isFalse();
    assertThat(m.get("maintenance_required").asBoolean()).isFalse();
    assertThat(m.get("upgrade_from").asText()).isEqualTo(">=1.0.0");
  }
}
