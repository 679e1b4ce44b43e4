package dev.stowage.cli;

import dev.stowage.Filesystem;
import dev.stowage.Filesystems;
import dev.stowage.spi.ProviderSettings;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The filesystems one command opens, each opened once per root URI and closed together at the
 * end (so {@code cp b2://b/x b2://b/y} shares one client and copies server-side).
 *
 * <p>Credentials come from the environment only, never from the URI: {@code b2:} takes
 * {@code B2_APPLICATION_KEY_ID} and {@code B2_APPLICATION_KEY}; {@code s3:} takes
 * {@code AWS_ACCESS_KEY_ID} and {@code AWS_SECRET_ACCESS_KEY} when set and otherwise the AWS
 * default chain (profiles, instance roles). A URI whose query holds a URL with user information
 * ({@code ?endpoint=http://user:SECRET@host}) is refused without repeating it. Local paths are
 * opened in the {@code file:} filesystem rooted at {@code /} after their symbolic links are
 * resolved (see {@link Location#asFilesystemPath()}).
 */
final class Session implements AutoCloseable {

  private final CliContext context;
  private final TimeoutOptions timeouts;
  private final TransferOptions transfers;
  private final LocationOptions where;
  private final Map<String, Filesystem> open = new LinkedHashMap<>();
  private boolean warnedAboutAws;

  Session(CliContext context, TimeoutOptions timeouts) {
    this(context, timeouts, TransferOptions.NONE);
  }

  Session(CliContext context, TimeoutOptions timeouts, TransferOptions transfers) {
    this(context, timeouts, transfers, LocationOptions.NONE);
  }

  Session(
      CliContext context,
      TimeoutOptions timeouts,
      TransferOptions transfers,
      LocationOptions where) {
    this.context = context;
    this.timeouts = timeouts;
    this.transfers = transfers;
    this.where = where;
  }

  /** Returns the filesystem that holds {@code location} (local files: the {@code file:} one at {@code /}). */
  Filesystem filesystem(Location location) {
    Location l = location.asFilesystemPath();
    Filesystem fs = open.get(l.root());
    if (fs == null) {
      fs = openRoot(l);
      open.put(l.root(), fs);
    }
    return fs;
  }

  /** Returns whether {@code a} and {@code b} live in the same filesystem (so copies can stay server-side). */
  boolean sameFilesystem(Location a, Location b) {
    return !a.isStdio()
        && !b.isStdio()
        && a.asFilesystemPath().requireRoot().equals(b.asFilesystemPath().requireRoot());
  }

  private Filesystem openRoot(Location l) {
    String root = l.requireRoot();
    URI uri;
    try {
      // "memory:" alone is not a URI; the API reads it as "memory:/".
      uri = new URI(root.endsWith(":") ? root + "/" : root);
    } catch (URISyntaxException e) {
      // Not chained: the cause's message (and so a --debug stack trace) repeats the whole URI.
      throw new UsageException(
          "'"
              + safe(root)
              + "' is not a valid URI: "
              + e.getReason()
              + " (percent-encode special characters in the query)");
    }
    refuseUserInfoInQuery(uri, root);
    checkCredentials(uri.getScheme());
    try {
      Map<String, String> settings = settings(root, context, timeouts, transfers);
      settings.putAll(where.settings(uri.getScheme().toLowerCase(Locale.ROOT), root));
      return Filesystems.open(uri, settings);
    } catch (IllegalArgumentException e) {
      throw new UsageException("cannot open '" + safe(root) + "': " + e.getMessage(), e);
    }
  }

  /**
   * Refuses a query value that is a URL with user information, such as
   * {@code endpoint=http://user:SECRET@host}: credentials come from the environment only, and
   * such a URL would end up in logs. The message names the key, never the value.
   */
  static void refuseUserInfoInQuery(URI uri, String root) {
    Map<String, String> query;
    try {
      query = ProviderSettings.query(uri);
    } catch (IllegalArgumentException e) {
      return; // The provider reports a malformed query, without repeating it.
    }
    for (Map.Entry<String, String> e : query.entrySet()) {
      String value = e.getValue().trim();
      int slashes = value.indexOf("://");
      if (slashes <= 0) {
        continue;
      }
      int end = value.length();
      for (char c : new char[] {'/', '?', '#'}) {
        int i = value.indexOf(c, slashes + 3);
        end = i < 0 ? end : Math.min(end, i);
      }
      if (value.substring(slashes + 3, end).contains("@")) {
        throw new UsageException(
            "'"
                + safe(root)
                + "': the "
                + e.getKey()
                + " URL must not contain "
                + "user information (user:password@); credentials come from the environment only");
      }
    }
  }

  /**
   * Fails fast, with the fix, when a backend's credentials are certainly missing (B2 reads them
   * from the environment only), instead of failing later at the first call. For S3 the AWS chain
   * has sources we cannot see (instance roles), so a likely gap only earns a warning.
   */
  private void checkCredentials(String scheme) {
    if ("b2".equalsIgnoreCase(scheme)
        && (context.getenv("B2_APPLICATION_KEY_ID") == null
            || context.getenv("B2_APPLICATION_KEY") == null)) {
      throw new UsageException(
          "b2: no credentials; set B2_APPLICATION_KEY_ID and B2_APPLICATION_KEY "
              + "(an application key with access to the bucket)");
    }
    if ("s3".equalsIgnoreCase(scheme)
        && !warnedAboutAws
        && context.getenv("AWS_ACCESS_KEY_ID") == null
        && context.getenv("AWS_PROFILE") == null
        && context.getenv("AWS_WEB_IDENTITY_TOKEN_FILE") == null
        && context.getenv("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI") == null
        && context.getenv("AWS_CONTAINER_CREDENTIALS_FULL_URI") == null
        && !awsFilesExist()) {
      warnedAboutAws = true;
      context
          .err()
          .println(
              "stowage: warning: no AWS credentials in the environment or ~/.aws; set "
                  + "AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY unless this machine has an instance role");
    }
  }

  private boolean awsFilesExist() {
    String home = context.getenv("HOME");
    return home != null
        && (java.nio.file.Files.exists(java.nio.file.Path.of(home, ".aws", "credentials"))
            || java.nio.file.Files.exists(java.nio.file.Path.of(home, ".aws", "config")));
  }

  /** Returns {@code root} without its query and user information, which might hold a secret. */
  static String safe(String root) {
    int q = root.indexOf('?');
    String s = q < 0 ? root : root.substring(0, q);
    int at = s.lastIndexOf('@');
    int slashes = s.indexOf("//");
    return at > slashes && slashes >= 0 ? s.substring(0, slashes + 2) + s.substring(at + 1) : s;
  }

  /** Returns the provider settings for {@code root}: credentials from the environment, deadlines from the options. */
  static Map<String, String> settings(String root, CliContext context, TimeoutOptions timeouts) {
    return settings(root, context, timeouts, TransferOptions.NONE);
  }

  /** Returns the provider settings for {@code root}, adding part size and concurrency from {@code transfers}. */
  static Map<String, String> settings(
      String root, CliContext context, TimeoutOptions timeouts, TransferOptions transfers) {
    String scheme = root.substring(0, root.indexOf(':')).toLowerCase(Locale.ROOT);
    Map<String, String> s = new HashMap<>(timeouts.settings(scheme));
    s.putAll(transfers.settings(scheme, root));
    if ("b2".equals(scheme)) {
      put(s, "keyId", context.getenv("B2_APPLICATION_KEY_ID"));
      put(s, "applicationKey", context.getenv("B2_APPLICATION_KEY"));
    } else if ("s3".equals(scheme) && context.getenv("AWS_SESSION_TOKEN") == null) {
      // With a session token the pair is temporary and only the default chain carries all three.
      put(s, "accessKey", context.getenv("AWS_ACCESS_KEY_ID"));
      put(s, "secretKey", context.getenv("AWS_SECRET_ACCESS_KEY"));
    }
    return s;
  }

  private static void put(Map<String, String> s, String key, @Nullable String value) {
    if (value != null) {
      s.put(key, value);
    }
  }

  @Override
  public void close() {
    List<RuntimeException> failures = new ArrayList<>();
    for (Filesystem fs : open.values()) {
      try {
        fs.close();
      } catch (RuntimeException e) {
        failures.add(e);
      }
    }
    open.clear();
    if (!failures.isEmpty()) {
      RuntimeException first = failures.get(0);
      failures.stream().skip(1).forEach(first::addSuppressed);
      throw first;
    }
  }
}
