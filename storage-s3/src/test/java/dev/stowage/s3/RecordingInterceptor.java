package dev.stowage.s3;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/** Records, for every request the adapter sends, the SDK operation name and the signed headers. */
final class RecordingInterceptor implements ExecutionInterceptor {

  /** One request as sent. */
  record Sent(String operation, Map<String, List<String>> headers) {
    boolean hasHeader(String name) {
      return headers.keySet().stream().anyMatch(h -> h.equalsIgnoreCase(name));
    }
  }

  private final List<Sent> sent = new ArrayList<>();

  @Override
  public void beforeTransmission(
      Context.BeforeTransmission context, ExecutionAttributes attributes) {
    Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.putAll(context.httpRequest().headers());
    headers.remove("Authorization"); // keeps signatures out of test reports
    synchronized (sent) {
      sent.add(new Sent(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME), headers));
    }
  }

  List<Sent> sent() {
    synchronized (sent) {
      return List.copyOf(sent);
    }
  }

  List<Sent> sent(String operation) {
    return sent().stream().filter(s -> s.operation().equals(operation)).toList();
  }

  void clear() {
    synchronized (sent) {
      sent.clear();
    }
  }
}
