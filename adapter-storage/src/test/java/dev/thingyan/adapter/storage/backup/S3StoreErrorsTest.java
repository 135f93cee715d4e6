package dev.thingyan.adapter.storage.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.thingyan.ports.out.BackupException;
import dev.thingyan.ports.out.BackupStore.Upload;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** Each way S3 can fail is one clear BackupException, and the secret key appears nowhere. */
class S3StoreErrorsTest {

  @RegisterExtension static final S3ProxyServer S3 = new S3ProxyServer();

  private static final String WRONG_SECRET = "WRONG-secret-Xy7-never-print";

  @Test
  void aWrongSecretIsReportedWithoutTheSecret() {
    S3StoreConfig config = S3.config("p");
    config = new S3StoreConfig(config.endpoint(), config.region(), config.bucket(), config.prefix(),
        config.accessKeyId(), S3SecretKey.of(WRONG_SECRET), true, config.partSizeBytes(), config.timeout());
    PrintStream err = System.err;
    ByteArrayOutputStream logged = new ByteArrayOutputStream();
    Throwable onList;
    Throwable onCreate;
    try (S3BackupStore store = new S3BackupStore(config)) {
      System.setErr(new PrintStream(logged, true, StandardCharsets.UTF_8));
      onList = catchThrowable(store::list);
      onCreate = catchThrowable(() -> store.create("b1"));
    } finally {
      System.setErr(err);
    }

    assertThat(onList).isInstanceOf(BackupException.class)
        .hasMessageContaining("rejected the credentials of access key AKIA…0001")
        .hasMessageContaining("check backup.s3.access_key_id and the secret key");
    // a HEAD answer has no body: a 403 there is wrong credentials or a missing s3:ListBucket
    assertThat(onCreate).isInstanceOf(BackupException.class)
        .hasMessageContaining("refused to say whether the backup b1 already exists (HTTP 403")
        .hasMessageContaining("the credentials of access key AKIA…0001 are wrong, or they lack s3:ListBucket")
        .hasMessageContaining("check backup.s3.access_key_id and the secret key");
    for (Throwable failure : new Throwable[] {onList, onCreate}) {
      assertThat(everythingPrinted(failure)).doesNotContain(WRONG_SECRET).doesNotContain(S3ProxyServer.SECRET);
    }
    assertThat(logged.toString(StandardCharsets.UTF_8)).doesNotContain(WRONG_SECRET);
    assertThat(config.toString()).contains("secretAccessKey=****").doesNotContain(WRONG_SECRET);
  }

  @Test
  void aSecretAServerEchoesBackIsMasked() {
    S3Exception echoed = (S3Exception) S3Exception.builder().statusCode(400)
        .awsErrorDetails(AwsErrorDetails.builder().errorCode("InvalidArgument")
            .errorMessage("bad header x-secret: " + S3ProxyServer.SECRET).build()).build();

    BackupException mapped = new S3Errors(S3.config("p")).map("listing the backups", echoed);

    assertThat(mapped.getMessage()).contains("HTTP 400 InvalidArgument: bad header x-secret: ****")
        .doesNotContain(S3ProxyServer.SECRET);
  }

  @Test
  void anUnreachableEndpointIsReportedAsSuch() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    URI endpoint = URI.create("http://127.0.0.1:" + closedPort);
    S3StoreConfig config = S3StoreConfig.of(endpoint, "us-east-1", "b", "", "AKIAX", S3SecretKey.of(WRONG_SECRET))
        .withTimeout(Duration.ofSeconds(2));

    try (S3BackupStore store = new S3BackupStore(config)) {
      assertThatThrownBy(store::list).isInstanceOf(BackupException.class)
          .hasMessageStartingWith("S3 endpoint " + endpoint + " unreachable: check backup.s3.endpoint and the network");
      assertThatThrownBy(() -> store.create("b1")).isInstanceOf(BackupException.class)
          .hasMessageContaining("unreachable").hasMessageNotContaining(WRONG_SECRET);
    }
  }

  @Test
  void aStalledEndpointIsReportedAsSlowNotAsUnreachable() throws IOException {
    // accepts connections (the kernel's backlog) but never answers
    try (ServerSocket silent = new ServerSocket(0, 8, InetAddress.getLoopbackAddress())) {
      URI endpoint = URI.create("http://127.0.0.1:" + silent.getLocalPort());
      S3StoreConfig config = S3StoreConfig.of(endpoint, "us-east-1", "b", "", "AKIAX", S3SecretKey.of(WRONG_SECRET))
          .withTimeout(Duration.ofSeconds(1));

      try (S3BackupStore store = new S3BackupStore(config)) {
        assertThatThrownBy(store::list).isInstanceOf(BackupException.class)
            .hasMessageStartingWith("S3 endpoint " + endpoint + " did not answer in time while listing the backups")
            .hasMessageNotContaining("unreachable").hasMessageNotContaining(WRONG_SECRET);
      }
    }
  }

  @Test
  void aMissingBucketFailsListingAndStoring() {
    S3StoreConfig config = S3StoreConfig.of(S3.endpoint(), "us-east-1", "no-such-bucket", "p",
        S3ProxyServer.ACCESS_KEY, S3SecretKey.of(S3ProxyServer.SECRET));

    try (S3BackupStore store = new S3BackupStore(config)) {
      assertThatThrownBy(store::list).isInstanceOf(BackupException.class)
          .hasMessageContaining("The S3 bucket 'no-such-bucket' does not exist at 127.0.0.1")
          .hasMessageContaining("nothing will be deleted");
      Upload upload = store.create("b1");
      assertThatThrownBy(upload::commit).isInstanceOf(BackupException.class)
          .hasMessageContaining("'no-such-bucket' does not exist");
    }
  }

  @Test
  void refusesConfigsThatWouldLeakOrBreak() {
    URI withUser = URI.create("http://AKIAX:" + WRONG_SECRET + "@127.0.0.1:9000");
    assertThatThrownBy(() -> S3StoreConfig.of(withUser, "r", "b", "", "AKIAX", S3SecretKey.of("s")))
        .hasMessageContaining("must not carry credentials").hasMessageNotContaining(WRONG_SECRET);
    assertThatThrownBy(() -> S3.config("p").withPartSize((5L << 20) - 1))
        .hasMessageContaining("S3 refuses parts under 5 MiB");
    assertThat(S3SecretKey.of(WRONG_SECRET)).hasToString("****");
  }

  private static String everythingPrinted(Throwable failure) {
    StringWriter text = new StringWriter();
    failure.printStackTrace(new PrintWriter(text));
    return text.toString();
  }
}
