package dev.stowage.bench;

import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * A JDK {@code HttpClient} body that counts the bytes and drops them where they arrive, with no
 * copy and no hand-off to another thread: the cheapest way that client can consume a response.
 */
final class CountingBody implements HttpResponse.BodySubscriber<Long> {

  private final CompletableFuture<Long> result = new CompletableFuture<>();
  private long count;

  @Override
  public CompletionStage<Long> getBody() {
    return result;
  }

  @Override
  public void onSubscribe(Flow.Subscription subscription) {
    subscription.request(Long.MAX_VALUE);
  }

  @Override
  public void onNext(List<ByteBuffer> buffers) {
    for (ByteBuffer b : buffers) {
      count += b.remaining();
      b.position(b.limit());
    }
  }

  @Override
  public void onError(Throwable failure) {
    result.completeExceptionally(failure);
  }

  @Override
  public void onComplete() {
    result.complete(count);
  }
}
