package dev.thingyan.adapter.storage.backup;

import dev.thingyan.ports.out.BackupException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Turns SDK failures into {@link BackupException}s a person can act on. Every message passes
 * through the secret's redaction, whatever a server chose to echo back.
 */
final class S3Errors {

  private static final Set<String> CREDENTIAL_CODES = Set.of("InvalidAccessKeyId",
      "SignatureDoesNotMatch", "AccessDenied", "InvalidToken", "ExpiredToken");

  private final S3StoreConfig config;

  S3Errors(S3StoreConfig config) {
    this.config = config;
  }

  /** @param action what was being done, e.g. {@code "listing the backups"} */
  BackupException map(String action, SdkException e) {
    return new BackupException(config.secretAccessKey().redact(message(action, e)), e);
  }

  /** @return whether {@code e} is S3's answer with the error {@code code}, e.g. {@code NoSuchKey} */
  static boolean hasCode(SdkException e, String code) {
    return e instanceof AwsServiceException s && s.awsErrorDetails() != null
        && code.equals(s.awsErrorDetails().errorCode());
  }

  private String message(String action, SdkException e) {
    if (e instanceof AwsServiceException s) {
      return serviceMessage(action, s);
    }
    Throwable network = networkCause(e);
    if (network instanceof SocketTimeoutException || e instanceof ApiCallTimeoutException
        || e instanceof ApiCallAttemptTimeoutException) {
      return "S3 endpoint " + config.endpoint() + " did not answer in time while " + action
          + ": the server or the network is slow or stalled; check them, then retry ("
          + (network != null ? network.getMessage() : e.getMessage()) + ")";
    }
    if (network != null) {
      return "S3 endpoint " + config.endpoint() + " unreachable: check backup.s3.endpoint and the "
          + "network (" + network.getClass().getSimpleName() + ": " + network.getMessage()
          + ", while " + action + ")";
    }
    return "S3 failed while " + action + " at " + config.endpoint() + ": " + e.getMessage();
  }

  private String serviceMessage(String action, AwsServiceException s) {
    String code = s.awsErrorDetails() == null ? null : s.awsErrorDetails().errorCode();
    if (s.statusCode() == 403 || code != null && CREDENTIAL_CODES.contains(code)) {
      return "S3 at " + config.endpoint().getHost() + " rejected the credentials of access key "
          + config.accessKeyHint() + " while " + action + " (HTTP " + s.statusCode()
          + (code == null ? "" : " " + code) + "): check backup.s3.access_key_id and the secret "
          + "key (backup.s3.secret_access_key_file or AWS_SECRET_ACCESS_KEY), and that the key "
          + "may use the bucket '" + config.bucket() + "'";
    }
    if ("NoSuchBucket".equals(code)) {
      return "The S3 bucket '" + config.bucket() + "' does not exist at " + config.endpoint().getHost()
          + " (while " + action + "): create it, or fix backup.s3.bucket";
    }
    return "S3 at " + config.endpoint().getHost() + " failed while " + action + ": HTTP "
        + s.statusCode() + (code == null ? "" : " " + code) + detail(s);
  }

  private static String detail(AwsServiceException s) {
    String text = s.awsErrorDetails() == null ? null : s.awsErrorDetails().errorMessage();
    return text == null || text.isBlank() ? "" : ": " + text;
  }

  private static Throwable networkCause(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ConnectException || t instanceof UnknownHostException
          || t instanceof NoRouteToHostException || t instanceof InterruptedIOException) {
        return t;
      }
    }
    return null;
  }
}
