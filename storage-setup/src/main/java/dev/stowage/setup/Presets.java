package dev.stowage.setup;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The preset strings the command line and spec files accept, mirroring the B2 web console's choices.
 *
 * <p>Lifecycle presets, each optionally followed by {@code @PREFIX} to cover only names starting with
 * {@code PREFIX} (default: the whole bucket):
 * <ul>
 *   <li>{@code keep-only-last-version}: deletes a version 1 day after it was hidden or superseded
 *       ({@code daysFromHidingToDeleting=1}), the console's "Keep only the last version of the file";</li>
 *   <li>{@code keep-prior-versions:N}: deletes prior versions N days after they were hidden;</li>
 *   <li>{@code hide-after:N}: hides the current version N days after upload;</li>
 *   <li>{@code cancel-unfinished-large-files:N}: cancels large files left unfinished for N days.</li>
 * </ul>
 * Presets for the same prefix merge into one rule ({@code keep-only-last-version} plus
 * {@code cancel-unfinished-large-files:7} is one rule with two actions); two presets setting the same action on
 * the same prefix conflict.
 *
 * <p>CORS presets, each one rule of the same name (so changing its origins replaces it on the next run):
 * <ul>
 *   <li>{@code share-all-https}: any HTTPS origin (B2's {@code https} origin), rule {@code stowage-share-all-https};
 *       the console's "Share everything in this bucket with all HTTPS origins", extended to uploads;</li>
 *   <li>{@code origins:ORIGIN[,ORIGIN…]}: the listed origins ({@code https://app.example.com},
 *       {@code https://*.example.com}, {@code http://localhost:8080}), rule {@code stowage-origins}.</li>
 * </ul>
 * Both allow downloads and browser uploads through the chosen {@link CorsApis}: native operations
 * {@code b2_download_file_by_name}, {@code b2_download_file_by_id}, {@code b2_upload_file}, {@code b2_upload_part};
 * S3 operations {@code s3_get}, {@code s3_head}, {@code s3_put}. They allow the request headers uploads send
 * ({@code authorization}, {@code content-type}, {@code range}, {@code x-bz-file-name}, {@code x-bz-content-sha1},
 * {@code x-bz-part-number}, {@code x-bz-info-*}; for S3 {@code x-amz-*}), expose {@code etag} and the
 * {@code x-bz-*} file headers, and let browsers cache the preflight for 3600 seconds.
 */
public final class Presets {
  /** Lifecycle preset: keep only the last version of each file. */
  public static final String KEEP_ONLY_LAST_VERSION = "keep-only-last-version";

  /** Lifecycle preset prefix: {@code keep-prior-versions:N}. */
  public static final String KEEP_PRIOR_VERSIONS = "keep-prior-versions";

  /** Lifecycle preset prefix: {@code hide-after:N}. */
  public static final String HIDE_AFTER = "hide-after";

  /** Lifecycle preset prefix: {@code cancel-unfinished-large-files:N}. */
  public static final String CANCEL_UNFINISHED_LARGE_FILES = "cancel-unfinished-large-files";

  /** CORS preset: any HTTPS origin. */
  public static final String SHARE_ALL_HTTPS = "share-all-https";

  /** CORS preset prefix: {@code origins:a,b}. */
  public static final String ORIGINS = "origins";

  /** The max age the CORS presets use, in seconds. */
  public static final int DEFAULT_MAX_AGE_SECONDS = 3600;

  private static final List<String> NATIVE_OPERATIONS = CorsRule.NATIVE_OPERATIONS;
  private static final List<String> S3_OPERATIONS = List.of("s3_get", "s3_head", "s3_put");
  private static final List<String> NATIVE_HEADERS =
      List.of(
          "authorization",
          "content-type",
          "range",
          "x-bz-file-name",
          "x-bz-content-sha1",
          "x-bz-part-number",
          "x-bz-info-*");
  private static final List<String> S3_HEADERS = List.of("content-type", "range", "x-amz-*");
  private static final List<String> NATIVE_EXPOSE =
      List.of(
          "etag", "x-bz-content-sha1", "x-bz-file-id", "x-bz-file-name", "x-bz-upload-timestamp");
  private static final List<String> S3_EXPOSE = List.of("etag", "x-amz-version-id");

  private Presets() {}

  /**
   * Returns the rule one lifecycle preset stands for.
   *
   * @throws InvalidSpecException if the preset is unknown or malformed (path {@code lifecyclePresets[0]})
   */
  public static LifecycleRule lifecycle(String preset) {
    return lifecycle(List.of(preset)).get(0);
  }

  /**
   * Returns the rules a list of lifecycle presets stands for, merged to one rule per prefix.
   *
   * @throws InvalidSpecException listing every unknown, malformed or conflicting preset, with paths
   *     {@code lifecyclePresets[i]}
   */
  public static List<LifecycleRule> lifecycle(List<String> presets) {
    List<Violation> violations = new ArrayList<>();
    Map<String, LifecycleRule> byPrefix = new LinkedHashMap<>();
    for (int i = 0; i < presets.size(); i++) {
      String path = "lifecyclePresets[" + i + "]";
      String preset = presets.get(i);
      LifecycleRule rule;
      try {
        rule = parseLifecycle(preset);
      } catch (IllegalArgumentException e) {
        violations.add(
            new Violation(path, Objects.requireNonNullElse(e.getMessage(), "invalid value")));
        continue;
      }
      LifecycleRule before = byPrefix.get(rule.fileNamePrefix());
      if (before == null) {
        byPrefix.put(rule.fileNamePrefix(), rule);
      } else if (clash(before, rule)) {
        violations.add(
            new Violation(
                path,
                "'"
                    + preset
                    + "' sets an action an earlier preset already sets"
                    + " for prefix \""
                    + rule.fileNamePrefix()
                    + "\""));
      } else {
        byPrefix.put(rule.fileNamePrefix(), before.merge(rule));
      }
    }
    if (!violations.isEmpty()) {
      throw new InvalidSpecException(violations);
    }
    return List.copyOf(byPrefix.values());
  }

  private static boolean clash(LifecycleRule a, LifecycleRule b) {
    return (a.daysFromUploadingToHiding() != null && b.daysFromUploadingToHiding() != null)
        || (a.daysFromHidingToDeleting() != null && b.daysFromHidingToDeleting() != null)
        || (a.daysFromStartingToCancelingUnfinishedLargeFiles() != null
            && b.daysFromStartingToCancelingUnfinishedLargeFiles() != null);
  }

  private static LifecycleRule parseLifecycle(String preset) {
    if (preset == null || preset.isBlank()) {
      throw new IllegalArgumentException("a lifecycle preset must not be empty");
    }
    String body = preset.trim();
    String prefix = "";
    int at = body.indexOf('@');
    if (at >= 0) {
      prefix = body.substring(at + 1);
      body = body.substring(0, at);
    }
    if (body.equals(KEEP_ONLY_LAST_VERSION)) {
      return new LifecycleRule(prefix, null, 1, null);
    }
    int colon = body.indexOf(':');
    String kind = colon < 0 ? body : body.substring(0, colon);
    switch (kind) {
      case KEEP_PRIOR_VERSIONS:
        return new LifecycleRule(
            prefix, null, days(preset, colon < 0 ? null : body.substring(colon + 1)), null);
      case HIDE_AFTER:
        return new LifecycleRule(
            prefix, days(preset, colon < 0 ? null : body.substring(colon + 1)), null, null);
      case CANCEL_UNFINISHED_LARGE_FILES:
        return new LifecycleRule(
            prefix, null, null, days(preset, colon < 0 ? null : body.substring(colon + 1)));
      default:
        throw new IllegalArgumentException(
            "unknown lifecycle preset '"
                + preset
                + "'; expected "
                + KEEP_ONLY_LAST_VERSION
                + ", "
                + KEEP_PRIOR_VERSIONS
                + ":N, "
                + HIDE_AFTER
                + ":N or "
                + CANCEL_UNFINISHED_LARGE_FILES
                + ":N, optionally followed by @PREFIX");
    }
  }

  private static int days(String preset, @Nullable String text) {
    if (text == null || text.isEmpty()) {
      throw new IllegalArgumentException(
          "lifecycle preset '" + preset + "' needs a number of days (:N)");
    }
    int n;
    try {
      n = Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "lifecycle preset '" + preset + "': '" + text + "' is not a whole number of days");
    }
    if (n < 1) {
      throw new IllegalArgumentException(
          "lifecycle preset '" + preset + "': days must be at least 1");
    }
    return n;
  }

  /**
   * Returns the rule a CORS preset stands for, naming the operations of {@code apis}.
   *
   * @throws InvalidSpecException if the preset is unknown or has no origins (path {@code corsPreset})
   */
  public static CorsRule cors(String preset, CorsApis apis) {
    if (apis == null) {
      throw InvalidSpecException.of("corsApis", "must be native, s3 or both");
    }
    String p = preset == null ? "" : preset.trim();
    if (p.equals(SHARE_ALL_HTTPS)) {
      return rule("stowage-share-all-https", List.of("https"), apis);
    }
    if (p.startsWith(ORIGINS + ":")) {
      List<String> origins = new ArrayList<>();
      for (String o : p.substring(ORIGINS.length() + 1).split(",", -1)) {
        if (!o.isBlank()) {
          origins.add(o.trim());
        }
      }
      if (origins.isEmpty()) {
        throw InvalidSpecException.of("corsPreset", "'" + preset + "' lists no origins");
      }
      return rule("stowage-origins", origins, apis);
    }
    throw InvalidSpecException.of(
        "corsPreset",
        "unknown CORS preset '"
            + preset
            + "'; expected "
            + SHARE_ALL_HTTPS
            + " or "
            + ORIGINS
            + ":ORIGIN[,ORIGIN...]");
  }

  private static CorsRule rule(String name, List<String> origins, CorsApis apis) {
    List<String> operations = new ArrayList<>();
    List<String> headers = new ArrayList<>();
    List<String> expose = new ArrayList<>();
    if (apis.includesNative()) {
      operations.addAll(NATIVE_OPERATIONS);
      addAllNew(headers, NATIVE_HEADERS);
      addAllNew(expose, NATIVE_EXPOSE);
    }
    if (apis.includesS3()) {
      operations.addAll(S3_OPERATIONS);
      addAllNew(headers, S3_HEADERS);
      addAllNew(expose, S3_EXPOSE);
    }
    return new CorsRule(name, origins, operations, headers, expose, DEFAULT_MAX_AGE_SECONDS);
  }

  private static void addAllNew(List<String> to, List<String> from) {
    for (String s : from) {
      if (!to.contains(s)) {
        to.add(s);
      }
    }
  }
}
