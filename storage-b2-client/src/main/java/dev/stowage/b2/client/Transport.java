package dev.stowage.b2.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stowage.spi.Deadline;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.net.SocketTimeoutException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Runs requests through the interceptor chain and turns answers into records or {@link B2Exception}s.
 * Transport failures surface as {@link UncheckedIOException}.
 *
 * <p>Every call honours the thread's {@link CallDeadline}: a JSON call (request, answer and its
 * body) is abandoned when the deadline passes; a download is abandoned when its headers have not
 * arrived by then (its body is then bounded by the idle timeout per read, and by the resuming
 * stream's own deadline).
 */
final class Transport {
  static final String API_PREFIX = "/b2api/v2/";
  private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
  private static final ScheduledExecutorService WATCHDOG =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "stowage-b2-deadline");
            t.setDaemon(true);
            return t;
          });

  final OkHttpClient http;
  final ObjectMapper mapper;
  final Authorizer authorizer;
  final ErrorBodies errors;

  Transport(OkHttpClient http, ObjectMapper mapper, Authorizer authorizer, ErrorBodies errors) {
    this.http = http;
    this.mapper = mapper;
    this.authorizer = authorizer;
    this.errors = errors;
  }

  /**
   * POSTs {@code body} as JSON to the account-token call {@code call} and reads the answer as {@code type}.
   * Top-level null fields are left out (B2 reads "absent" as "not given"); nested values, such as rule
   * objects, go out as the caller built them, nulls included.
   */
  <T> T post(String call, Map<String, Object> body, Class<T> type) {
    CallTag tag = CallTag.account(call, CallTag.Base.API, API_PREFIX + call);
    Map<String, Object> sent = new LinkedHashMap<>(body);
    sent.values().removeIf(Objects::isNull);
    Request request =
        new Request.Builder()
            .url(tag.url(authorizer.current()))
            .post(RequestBody.create(json(sent), JSON))
            .tag(CallTag.class, tag)
            .build();
    return readJson(request, call, type);
  }

  /** Executes {@code request} and reads a successful answer as {@code type}, else throws. */
  <T> T readJson(Request request, String call, Class<T> type) {
    String text;
    try (Response response = execute(request, true)) {
      if (!response.isSuccessful()) {
        throw errors.toException(call, response);
      }
      ResponseBody body = response.body();
      text = body == null ? "{}" : body.string();
    } catch (IOException e) {
      throw new UncheckedIOException(call + " failed: " + e.getMessage(), e);
    }
    try {
      return mapper.readValue(text, type);
    } catch (IOException e) {
      // No cause and no parser detail: some answers (authorize, upload URLs, keys) hold secrets.
      throw new UncheckedIOException(
          new IOException(call + " returned an answer that is not the expected JSON"));
    }
  }

  /** Executes {@code request}; the caller closes the response. The deadline covers the headers. */
  Response execute(Request request) {
    return execute(request, false);
  }

  /**
   * Executes {@code request} under the thread's deadline: with {@code wholeCall} the deadline
   * also covers reading the body, otherwise only the wait for the response headers.
   */
  private Response execute(Request request, boolean wholeCall) {
    CallTag tag = request.tag(CallTag.class);
    String name = tag == null ? "request" : tag.call();
    Deadline deadline = CallDeadline.current();
    long millis = deadline.isInfinite() ? -1 : deadline.remaining().toMillis();
    if (millis == 0) {
      throw new UncheckedIOException(
          new SocketTimeoutException(name + " not started: the operation's deadline has passed"));
    }
    Call call = http.newCall(request);
    ScheduledFuture<?> watchdog = null;
    if (millis > 0) {
      if (wholeCall) {
        call.timeout().timeout(millis, TimeUnit.MILLISECONDS);
      } else {
        watchdog = WATCHDOG.schedule(call::cancel, millis, TimeUnit.MILLISECONDS);
      }
    }
    try {
      return call.execute();
    } catch (IOException e) {
      if (millis > 0
          && (call.isCanceled() || e instanceof InterruptedIOException)
          && deadline.expired()) {
        SocketTimeoutException timeout =
            new SocketTimeoutException(name + " got no answer within the operation's deadline");
        timeout.initCause(e);
        throw new UncheckedIOException(name + " failed: " + timeout.getMessage(), timeout);
      }
      throw new UncheckedIOException(name + " failed: " + e.getMessage(), e);
    } finally {
      if (watchdog != null) {
        watchdog.cancel(false);
      }
    }
  }

  byte[] json(Object body) {
    try {
      return mapper.writeValueAsBytes(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
