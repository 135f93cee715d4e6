package dev.thingyan.adapter.storage.backup;

import java.util.Objects;

/**
 * An S3 secret access key. It prints as {@code ****} wherever it ends up (a config dump, a log
 * line, an exception message); only the SDK's credentials, built in {@link S3Clients}, read it.
 */
public final class S3SecretKey {

  private final String value;

  private S3SecretKey(String value) {
    this.value = value;
  }

  /** @param value the secret as read from the config or {@code AWS_SECRET_ACCESS_KEY} */
  public static S3SecretKey of(String value) {
    Objects.requireNonNull(value, "secretAccessKey");
    if (value.isBlank()) {
      throw new IllegalArgumentException("secretAccessKey must not be blank");
    }
    return new S3SecretKey(value);
  }

  String reveal() {
    return value;
  }

  /** @return {@code text} with every occurrence of this secret masked */
  String redact(String text) {
    return text == null ? null : text.replace(value, "****");
  }

  @Override
  public String toString() {
    return "****";
  }
}
