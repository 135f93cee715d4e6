package dev.thingyan.adapter.storage.backup;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;
import org.jclouds.filesystem.FilesystemApiMetadata;
import org.jclouds.filesystem.reference.FilesystemConstants;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A real S3 server: s3proxy on 127.0.0.1 at a free port, AWS V4 signatures with a test key,
 * storing into a temporary folder (jclouds' filesystem backend, one folder per bucket). It starts
 * once per test run, shared by the test classes, and each test gets a fresh, empty bucket.
 */
final class S3ProxyServer implements BeforeAllCallback, BeforeEachCallback {

  static final String ACCESS_KEY = "AKIATHINGYANTEST0001";
  static final String SECRET = "Zq9-thingyan-test-SECRET-k3y";

  private static final AtomicInteger BUCKETS = new AtomicInteger();

  private Running server;
  private String bucket;

  @Override
  public void beforeAll(ExtensionContext extension) {
    server = extension.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
        .getOrComputeIfAbsent(S3ProxyServer.class.getName(), k -> Running.start(), Running.class);
  }

  @Override
  public void beforeEach(ExtensionContext extension) {
    server.blobStore.heal();
    bucket = "bucket-" + BUCKETS.incrementAndGet();
    server.blobStore.createContainerInLocation(null, bucket);
  }

  URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.proxy.getPort());
  }

  /** @return a config for this test's bucket, with 5 MiB parts (the smallest S3 allows) */
  S3StoreConfig config(String prefix) {
    return S3StoreConfig.of(endpoint(), "us-east-1", bucket, prefix, ACCESS_KEY, S3SecretKey.of(SECRET))
        .withPartSize(S3StoreConfig.MIN_PART_SIZE);
  }

  String bucket() {
    return bucket;
  }

  /** A client of its own, to look at the bucket as S3 shows it. */
  S3Client admin() {
    return server.admin;
  }

  FaultyBlobStore faults() {
    return server.blobStore;
  }

  /** @return every regular file the server keeps for this test's bucket, hidden ones too */
  long filesOnDisk() throws IOException {
    try (Stream<Path> files = Files.walk(server.baseDir.resolve(bucket))) {
      return files.filter(Files::isRegularFile).count();
    }
  }

  /** The server itself; JUnit closes it when the whole run ends. */
  private record Running(Path baseDir, BlobStoreContext context, FaultyBlobStore blobStore,
      S3Proxy proxy, S3Client admin) implements AutoCloseable {

    static Running start() {
      try {
        Path baseDir = Files.createTempDirectory("s3proxy");
        Properties properties = new Properties();
        properties.setProperty(FilesystemConstants.PROPERTY_BASEDIR, baseDir.toString());
        // by its metadata, not its name: a lookup by name loads every provider s3proxy lists
        BlobStoreContext context = ContextBuilder.newBuilder(new FilesystemApiMetadata())
            .overrides(properties).build(BlobStoreContext.class);
        FaultyBlobStore blobStore = new FaultyBlobStore(context.getBlobStore());
        S3Proxy proxy = S3Proxy.builder().blobStore(blobStore).endpoint(URI.create("http://127.0.0.1:0"))
            .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET).build();
        proxy.start();
        while (!proxy.getState().equals("STARTED")) {
          Thread.sleep(10);
        }
        S3Client admin = S3Clients.create(S3StoreConfig.of(URI.create("http://127.0.0.1:" + proxy.getPort()),
            "us-east-1", "any", "", ACCESS_KEY, S3SecretKey.of(SECRET)));
        return new Running(baseDir, context, blobStore, proxy, admin);
      } catch (Exception e) {
        throw new IllegalStateException("s3proxy did not start", e);
      }
    }

    @Override
    public void close() throws IOException {
      admin.close();
      try {
        proxy.stop();
      } catch (Exception e) {
        throw new IOException("s3proxy did not stop", e);
      }
      context.close();
      try (Stream<Path> files = Files.walk(baseDir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }
}
