package dev.stowage.s3;

import java.io.IOException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;

/**
 * Refuses a successful answer that says nothing about the length of what follows, so that a
 * connection cut inside the response headers is a retryable I/O failure instead of an answer.
 *
 * <p>Every S3 service frames a GET body with {@code Content-Length} or chunked encoding, and a
 * HeadObject answer carries {@code Content-Length}. When the connection drops part-way through
 * the headers, the HTTP client still reports the status line it got, and a body delimited by the
 * end of the connection is empty: a listing would read as "no objects" and a stat as "0 bytes".
 * This interceptor turns that into an {@link SdkClientException} caused by an
 * {@link IOException}, which the SDK's retry strategy retries like any other broken connection.
 */
final class CompleteResponses implements ExecutionInterceptor {

  @Override
  public void afterTransmission(Context.AfterTransmission context, ExecutionAttributes attributes) {
    SdkHttpResponse response = context.httpResponse();
    int status = response.statusCode();
    if (status < 200 || status >= 300 || status == 204) {
      return;
    }
    SdkHttpMethod method = context.httpRequest().method();
    boolean framed =
        response.firstMatchingHeader("Content-Length").isPresent()
            || response.firstMatchingHeader("Transfer-Encoding").isPresent();
    boolean mustBeFramed =
        method == SdkHttpMethod.GET
            || (method == SdkHttpMethod.HEAD && context.request() instanceof HeadObjectRequest);
    if (mustBeFramed && !framed) {
      throw SdkClientException.create(
          "the answer to " + method + " ended inside its headers",
          new IOException("incomplete response: neither Content-Length nor Transfer-Encoding"));
    }
  }
}
