package dev.thingyan.adapter.github;

import dev.thingyan.ports.out.IssueTrackerException;
import feign.Response;
import feign.codec.ErrorDecoder;

/**
 * Feign's hook for non-2xx answers to issue calls: maps them through {@link IssueErrors} and, for
 * a rate limit, closes the {@link RateLimitGate} until GitHub's retry time. Nothing is retried
 * here: the exception goes straight to the caller.
 */
final class IssueErrorDecoder implements ErrorDecoder {
  private final IssueErrors errors;
  private final RateLimitGate gate;

  IssueErrorDecoder(IssueErrors errors, RateLimitGate gate) {
    this.errors = errors;
    this.gate = gate;
  }

  @Override
  public Exception decode(String methodKey, Response response) {
    IssueTrackerException e = errors.toException(response.status(),
        GitHubErrorDecoder.what(response.request()),
        name -> GitHubErrorDecoder.first(response.headers().get(name)), GitHubErrorDecoder.body(response));
    if (e.kind() == IssueTrackerException.Kind.RATE_LIMITED) {
      e.retryAt().ifPresent(gate::holdUntil);
    }
    return e;
  }
}
