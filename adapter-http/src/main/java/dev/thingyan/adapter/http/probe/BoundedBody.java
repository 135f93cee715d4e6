package dev.thingyan.adapter.http.probe;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse.BodySubscriber;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Collects at most a given number of body bytes as UTF-8 text, then stops reading: a probe must
 * not be made to hold a huge (or endless) body in memory.
 */
final class BoundedBody implements BodySubscriber<String> {

  private final int limit;
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final CompletableFuture<String> result = new CompletableFuture<>();
  private Flow.Subscription subscription;

  private BoundedBody(int limit) {
    this.limit = limit;
  }

  static BoundedBody utf8(int limit) {
    return new BoundedBody(limit);
  }

  @Override
  public CompletionStage<String> getBody() {
    return result;
  }

  @Override
  public void onSubscribe(Flow.Subscription s) {
    this.subscription = s;
    s.request(1);
  }

  @Override
  public void onNext(List<ByteBuffer> buffers) {
    for (ByteBuffer b : buffers) {
      int take = Math.min(b.remaining(), limit - bytes.size());
      byte[] chunk = new byte[take];
      b.get(chunk);
      bytes.write(chunk, 0, take);
    }
    if (bytes.size() >= limit) {
      subscription.cancel();
      finish();
    } else {
      subscription.request(1);
    }
  }

  @Override
  public void onError(Throwable t) {
    result.completeExceptionally(t);
  }

  @Override
  public void onComplete() {
    finish();
  }

  private void finish() {
    result.complete(new String(bytes.toByteArray(), StandardCharsets.UTF_8));
  }
}
