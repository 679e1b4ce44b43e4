package dev.stowage.b2.client;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Sends account-token calls with the current account token, and when B2 answers 401
 * {@code expired_auth_token} or {@code bad_auth_token}, authorises again and repeats the call once.
 *
 * <p>Only calls tagged {@link CallTag.Auth#ACCOUNT} are touched: upload and download-authorisation
 * tokens are the caller's business (a failed upload needs a new upload URL, a domain step).
 */
final class AuthInterceptor implements Interceptor {
  private final Authorizer authorizer;
  private final ErrorBodies errors;

  AuthInterceptor(Authorizer authorizer, ErrorBodies errors) {
    this.authorizer = authorizer;
    this.errors = errors;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    CallTag tag = request.tag(CallTag.class);
    if (tag == null || tag.auth() != CallTag.Auth.ACCOUNT) {
      return chain.proceed(request);
    }
    B2Authorization auth = authorizer.current();
    Response response = chain.proceed(authorised(request, tag, auth));
    if (response.code() != 401 || !isTokenProblem(response)) {
      return response;
    }
    response.close();
    authorizer.invalidate(auth.authorizationToken());
    return chain.proceed(authorised(request, tag, authorizer.current()));
  }

  private boolean isTokenProblem(Response response) throws IOException {
    String code = errors.code(response);
    // HEAD answers carry no body: a bare 401 is most likely a stale token, so renew once.
    return code == null || code.equals("expired_auth_token") || code.equals("bad_auth_token");
  }

  private static Request authorised(Request request, CallTag tag, B2Authorization auth) {
    return request
        .newBuilder()
        .url(tag.url(auth))
        .header("Authorization", auth.authorizationToken())
        .build();
  }
}
