package dev.stowage.b2.client;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Adds {@code X-Bz-Test-Mode} to every call, which makes B2 (and the emulator) inject failures
 * such as {@code fail_some_uploads} or {@code expire_some_account_authorization_tokens}.
 */
final class TestModeInterceptor implements Interceptor {
  private final String mode;

  TestModeInterceptor(String mode) {
    this.mode = mode;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    return chain.proceed(chain.request().newBuilder().header("X-Bz-Test-Mode", mode).build());
  }
}
