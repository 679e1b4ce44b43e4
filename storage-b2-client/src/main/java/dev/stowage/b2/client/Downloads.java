package dev.stowage.b2.client;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import okhttp3.Headers;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.jspecify.annotations.Nullable;

/** Runs download and HEAD requests and reads B2's file headers. */
final class Downloads {
  private static final String INFO = "x-bz-info-";

  /** Standard response headers that carry the {@code b2-*} file infos. */
  private static final Map<String, String> CONTENT_HEADERS =
      Map.of(
          "cache-control", "b2-cache-control",
          "content-disposition", "b2-content-disposition",
          "content-encoding", "b2-content-encoding",
          "content-language", "b2-content-language",
          "expires", "b2-expires");

  private Downloads() {}

  static B2Download get(Transport t, String call, String relative, @Nullable String range) {
    Request.Builder b = request(t, call, relative).get();
    if (range != null) {
      b.header("Range", range);
    }
    Response response = t.execute(b.build());
    try {
      if (response.code() != 200 && response.code() != 206) {
        throw t.errors.toException(call, response);
      }
      ResponseBody body = response.body();
      boolean partial = response.code() == 206;
      long rangeStart = partial ? contentRange(response.header("Content-Range"))[0] : 0;
      B2Download d =
          new B2Download(
              headers(response, partial),
              partial,
              rangeStart,
              body.contentLength(),
              body.byteStream());
      response = null; // ownership passes to the download
      return d;
    } finally {
      if (response != null) {
        response.close();
      }
    }
  }

  static B2FileHeaders head(Transport t, String call, String relative) {
    try (Response response = t.execute(request(t, call, relative).head().build())) {
      if (!response.isSuccessful()) {
        throw t.errors.toException(call, response);
      }
      return headers(response, false);
    }
  }

  private static Request.Builder request(Transport t, String call, String relative) {
    CallTag tag = CallTag.account(call, CallTag.Base.DOWNLOAD, relative);
    return new Request.Builder()
        .url(tag.url(t.authorizer.current()))
        // Stored bytes, exactly: without this OkHttp asks for gzip and inflates it on the fly.
        .header("Accept-Encoding", "identity")
        .tag(CallTag.class, tag);
  }

  static B2FileHeaders headers(Response response, boolean partial) {
    Headers h = response.headers();
    Map<String, String> info = new LinkedHashMap<>();
    for (int i = 0; i < h.size(); i++) {
      String name = h.name(i).toLowerCase(Locale.ROOT);
      if (name.startsWith(INFO)) {
        info.put(name.substring(INFO.length()), Names.decode(h.value(i)));
      } else if (CONTENT_HEADERS.containsKey(name)) {
        info.put(CONTENT_HEADERS.get(name), h.value(i));
      }
    }
    long size =
        partial ? contentRange(h.get("Content-Range"))[1] : parseLong(h.get("Content-Length"), -1);
    String name = h.get("X-Bz-File-Name");
    return new B2FileHeaders(
        h.get("X-Bz-File-Id"),
        name == null ? null : Names.decode(name),
        h.get("Content-Type"),
        size,
        h.get("X-Bz-Content-Sha1"),
        parseLong(h.get("X-Bz-Upload-Timestamp"), 0),
        info);
  }

  /** Returns {start, total} of {@code bytes a-b/total}; -1 for parts that are absent or {@code *}. */
  static long[] contentRange(String value) {
    long start = -1;
    long total = -1;
    if (value != null && value.startsWith("bytes ")) {
      String v = value.substring(6).trim();
      int slash = v.indexOf('/');
      int dash = v.indexOf('-');
      if (dash > 0 && (slash < 0 || dash < slash)) {
        start = parseLong(v.substring(0, dash), -1);
      }
      if (slash >= 0) {
        total = parseLong(v.substring(slash + 1), -1);
      }
    }
    return new long[] {start, total};
  }

  private static long parseLong(String value, long fallback) {
    if (value == null) {
      return fallback;
    }
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      return fallback;
    }
  }
}
