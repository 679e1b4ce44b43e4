package dev.stowage.setup;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One B2 CORS rule, with B2's field names. On the S3 path the rule becomes an S3 {@code CORSRule} whose ID is the
 * rule name and whose methods come from the {@code s3_*} operations.
 *
 * <p>Lists are copied; a null list becomes empty. Field rules (name 6–50 letters, digits or {@code -}; origins;
 * known operations; {@code maxAgeSeconds} 0..86400; under 1000 bytes in all) are checked by the setup's
 * validator so that every problem is reported at once.
 *
 * @param corsRuleName unique name in the bucket (required)
 * @param allowedOrigins {@code https://host[:port]}, one {@code *} in the host, the word {@code https} (any HTTPS
 *     origin) or {@code *} alone (required, non-empty)
 * @param allowedOperations B2 operation names such as {@code b2_upload_file} or {@code s3_put} (required)
 * @param allowedHeaders request headers a browser may send; entries may end in {@code *}
 * @param exposeHeaders response headers the page may read
 * @param maxAgeSeconds how long a browser may cache the preflight answer, 0..86400 (required)
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record CorsRule(
    String corsRuleName,
    List<String> allowedOrigins,
    List<String> allowedOperations,
    List<String> allowedHeaders,
    List<String> exposeHeaders,
    Integer maxAgeSeconds) {

  /** The native B2 operations a CORS rule may name. */
  public static final List<String> NATIVE_OPERATIONS =
      List.of(
          "b2_download_file_by_name", "b2_download_file_by_id", "b2_upload_file", "b2_upload_part");

  /** The S3-API operations a CORS rule may name. */
  public static final List<String> S3_OPERATIONS =
      List.of("s3_delete", "s3_get", "s3_head", "s3_post", "s3_put");

  /** Copies the lists; null lists become empty (null entries are kept for the validator to report). */
  public CorsRule {
    allowedOrigins = copy(allowedOrigins);
    allowedOperations = copy(allowedOperations);
    allowedHeaders = copy(allowedHeaders);
    exposeHeaders = copy(exposeHeaders);
  }

  private static List<String> copy(List<String> list) {
    // List.copyOf rejects null entries; keep them so the validator can name the bad index.
    return list == null
        ? List.of()
        : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(list));
  }

  /** Returns a copy of this rule with another name. */
  public CorsRule withName(String name) {
    return new CorsRule(
        name, allowedOrigins, allowedOperations, allowedHeaders, exposeHeaders, maxAgeSeconds);
  }

  /** Returns a copy of this rule with another max age. */
  public CorsRule withMaxAgeSeconds(Integer seconds) {
    return new CorsRule(
        corsRuleName, allowedOrigins, allowedOperations, allowedHeaders, exposeHeaders, seconds);
  }

  /** Returns a short human description of the rule. */
  String describe() {
    return "'"
        + corsRuleName
        + "': origins "
        + allowedOrigins
        + ", operations "
        + allowedOperations
        + ", max age "
        + maxAgeSeconds
        + " s";
  }
}
