package dev.stowage.b2.emulator;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A B2 error answer in flight: thrown by handlers and filters, turned into a JSON error reply by the dispatcher. */
final class B2Exception extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String code;
  private final Map<String, String> headers = new LinkedHashMap<>();

  B2Exception(int status, String code, @Nullable String message) {
    super(message == null ? "" : message, null, false, false);
    this.status = status;
    this.code = code;
  }

  int status() {
    return status;
  }

  String code() {
    return code;
  }

  Map<String, String> headers() {
    return headers;
  }

  B2Exception withHeader(String name, String value) {
    headers.put(name, value);
    return this;
  }
}
