package dev.stowage.b2.client;

import java.io.IOException;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import okhttp3.Headers;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs each HTTP exchange at DEBUG (request line, status, time) and its headers at TRACE, through
 * the SLF4J logger {@code dev.stowage.b2.http}. Credentials never reach the log: the
 * {@code Authorization} header is masked, URLs are {@linkplain Redaction#url redacted}, and bodies
 * (which carry tokens and keys in some answers) are never logged.
 */
final class LoggingInterceptor implements Interceptor {
  static final String LOGGER_NAME = "dev.stowage.b2.http";
  private static final Logger LOG = LoggerFactory.getLogger(LOGGER_NAME);

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    if (!LOG.isDebugEnabled()) {
      return chain.proceed(request);
    }
    CallTag tag = request.tag(CallTag.class);
    String call = tag == null ? "?" : tag.call();
    String url = Redaction.url(request.url());
    LOG.debug("--> {} {} ({})", request.method(), url, call);
    if (LOG.isTraceEnabled()) {
      logHeaders("-->", request.headers());
    }
    long start = System.nanoTime();
    Response response;
    try {
      response = chain.proceed(request);
    } catch (IOException e) {
      LOG.debug("<-- failed {} {} ({}): {}", request.method(), url, call, e.toString());
      throw e;
    }
    long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    LOG.debug("<-- {} {} {} ({}, {} ms)", response.code(), request.method(), url, call, ms);
    if (LOG.isTraceEnabled()) {
      logHeaders("<--", response.headers());
    }
    return response;
  }

  private static void logHeaders(String arrow, Headers headers) {
    for (int i = 0; i < headers.size(); i++) {
      String name = headers.name(i);
      String value = isSecret(name) ? Redaction.MASK : headers.value(i);
      LOG.trace("{} {}: {}", arrow, name, value);
    }
  }

  private static boolean isSecret(String header) {
    String h = header.toLowerCase(Locale.ROOT);
    return h.equals("authorization")
        || h.equals("proxy-authorization")
        || h.equals("cookie")
        || h.equals("set-cookie");
  }
}
