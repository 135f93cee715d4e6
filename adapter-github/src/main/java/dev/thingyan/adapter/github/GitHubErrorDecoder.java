package dev.thingyan.adapter.github;

import dev.thingyan.ports.out.ReleaseSourceException;
import feign.Request;
import feign.Response;
import feign.RetryableException;
import feign.codec.ErrorDecoder;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Collection;
import java.util.Optional;

/**
 * Feign's hook for non-2xx answers: maps them to {@link ReleaseSourceException} through
 * {@link GitHubErrors}. A 5xx is wrapped in Feign's {@link RetryableException} so the retryer tries
 * again; {@link GitHubReleaseSource} unwraps it when the retries are used up.
 */
final class GitHubErrorDecoder implements ErrorDecoder {
  private static final int MAX_ERROR_BODY = 64 * 1024;
  private final GitHubErrors errors;

  GitHubErrorDecoder(GitHubErrors errors) {
    this.errors = errors;
  }

  @Override
  public Exception decode(String methodKey, Response response) {
    Request request = response.request();
    ReleaseSourceException e = errors.toException(response.status(), what(request),
        name -> first(response.headers().get(name)), body(response));
    if (response.status() >= 500) {
      return new RetryableException(response.status(), e.getMessage(), request.httpMethod(), e,
          (Long) null, request);
    }
    return e;
  }

  /** @return the request for a message: method and path, e.g. {@code GET /repos/acme/pms/releases} */
  static String what(Request request) {
    return request.httpMethod() + " " + URI.create(request.url()).getRawPath();
  }

  static Optional<String> first(Collection<String> values) {
    return values == null ? Optional.empty() : values.stream().findFirst();
  }

  /** Error bodies are small JSON documents; reads at most 64 KiB of whatever arrives. */
  static byte[] body(Response response) {
    if (response.body() == null) {
      return new byte[0];
    }
    try (InputStream in = response.body().asInputStream()) {
      return in.readNBytes(MAX_ERROR_BODY);
    } catch (IOException e) {
      return new byte[0];
    }
  }
}
