package dev.stowage.s3;

import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.s3.model.UploadPartRequest;

/** Stages a failure: the upload of one part number fails before it is sent, while armed. */
final class FailingInterceptor implements ExecutionInterceptor {

  private final AtomicInteger failingPart = new AtomicInteger(-1);

  void failPart(int partNumber) {
    failingPart.set(partNumber);
  }

  void disarm() {
    failingPart.set(-1);
  }

  @Override
  public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
    SdkRequest request = context.request();
    if (request instanceof UploadPartRequest
        && ((UploadPartRequest) request).partNumber() == failingPart.get()) {
      throw new IllegalStateException("staged failure of part " + failingPart.get());
    }
  }
}
