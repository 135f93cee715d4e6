package dev.thingyan.adapter.storage.backup;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;

/** Builds the SDK client from a {@link S3StoreConfig} and nothing else found on the machine. */
final class S3Clients {

  private S3Clients() {}

  static S3Client create(S3StoreConfig config) {
    var credentials = AwsBasicCredentials.create(config.accessKeyId(), config.secretAccessKey().reveal());
    // An empty profile file: settings in ~/.aws/config must not change how backups are written.
    ProfileFile none = ProfileFile.builder().content("").type(ProfileFile.Type.CONFIGURATION).build();
    return S3Client.builder()
        .endpointOverride(config.endpoint())
        .region(Region.of(config.region()))
        .credentialsProvider(StaticCredentialsProvider.create(credentials))
        .httpClient(Apache5HttpClient.builder()
            .connectionTimeout(config.timeout())
            .socketTimeout(config.timeout())
            .build())
        .serviceConfiguration(S3Configuration.builder()
            .pathStyleAccessEnabled(config.pathStyle())
            // plain signed bodies, not aws-chunked: S3-compatible servers all take them
            .chunkedEncodingEnabled(false)
            .build())
        // Only where S3 requires them: the SDK's default CRC32 trailers are refused by many
        // S3-compatible servers. Integrity comes from Content-MD5 per part and a SHA-256 read-back.
        .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
        .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
        .overrideConfiguration(o -> o.defaultProfileFileSupplier(() -> none).defaultProfileName("default"))
        .build();
  }
}
