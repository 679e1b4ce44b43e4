package dev.stowage.b2.client;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Attached to every request the client makes: which {@code b2_*} call it is and how it is
 * authorised. Interceptors read it instead of parsing URLs.
 *
 * @param call the {@code b2_*} name (downloads: {@code b2_download_file_by_name}/{@code _by_id})
 * @param auth who supplies the {@code Authorization} header
 * @param base for account-token calls: the base URL the relative part hangs off
 * @param relative the path and query after the base, for account-token calls
 */
record CallTag(String call, Auth auth, @Nullable Base base, @Nullable String relative) {

  /** Who supplies the {@code Authorization} header. */
  enum Auth {
    /** The caller set it already (Basic credentials, upload tokens, download tokens) or none is needed. */
    EXPLICIT,
    /** The account token; the auth interceptor sets it and re-authorises on an expired or bad token. */
    ACCOUNT
  }

  /** Which base URL of the authorisation an account-token call uses. */
  enum Base {
    API,
    DOWNLOAD
  }

  CallTag {
    Objects.requireNonNull(call, "call");
    Objects.requireNonNull(auth, "auth");
  }

  static CallTag explicit(String call) {
    return new CallTag(call, Auth.EXPLICIT, null, null);
  }

  static CallTag account(String call, Base base, String relative) {
    return new CallTag(
        call, Auth.ACCOUNT, Objects.requireNonNull(base), Objects.requireNonNull(relative));
  }

  /** Returns the full URL of an account-token call under {@code authorization}. */
  String url(B2Authorization authorization) {
    return (base == Base.API ? authorization.apiUrl() : authorization.downloadUrl()) + relative;
  }
}
