package dev.stowage.setup;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import software.amazon.awssdk.services.s3.model.AbortIncompleteMultipartUpload;
import software.amazon.awssdk.services.s3.model.CORSRule;
import software.amazon.awssdk.services.s3.model.ExpirationStatus;
import software.amazon.awssdk.services.s3.model.LifecycleExpiration;
import software.amazon.awssdk.services.s3.model.LifecycleRuleFilter;
import software.amazon.awssdk.services.s3.model.NoncurrentVersionExpiration;

/**
 * Maps the spec's B2-shaped rules to S3's and back. The S3 form of a CORS rule keeps only its {@code s3_*}
 * operations (as HTTP methods) and spells B2's {@code https} origin as {@code https://*}; a lifecycle rule's three
 * actions become {@code Expiration}, {@code NoncurrentVersionExpiration} and {@code AbortIncompleteMultipartUpload},
 * the mapping B2's S3 API documents. Diffs compare rules in this S3 form, so re-running is stable.
 */
final class S3Rules {
  private static final List<String> ORDER =
      List.of("s3_delete", "s3_get", "s3_head", "s3_post", "s3_put");

  private S3Rules() {}

  /** Returns {@code rule} as it reads back from an S3 bucket. */
  static CorsRule normalize(CorsRule rule) {
    List<String> origins = new ArrayList<>();
    for (String o : rule.allowedOrigins()) {
      origins.add(o.equals("https") ? "https://*" : o);
    }
    List<String> ops = new ArrayList<>();
    for (String op : ORDER) {
      if (rule.allowedOperations().contains(op)) {
        ops.add(op);
      }
    }
    return new CorsRule(
        rule.corsRuleName(),
        origins,
        ops,
        rule.allowedHeaders(),
        rule.exposeHeaders(),
        rule.maxAgeSeconds());
  }

  static CORSRule toS3(CorsRule rule) {
    CorsRule n = normalize(rule);
    List<String> methods = new ArrayList<>();
    for (String op : n.allowedOperations()) {
      methods.add(op.substring(3).toUpperCase(Locale.ROOT));
    }
    return CORSRule.builder()
        .id(n.corsRuleName())
        .allowedOrigins(n.allowedOrigins())
        .allowedMethods(methods)
        .allowedHeaders(n.allowedHeaders().isEmpty() ? null : n.allowedHeaders())
        .exposeHeaders(n.exposeHeaders().isEmpty() ? null : n.exposeHeaders())
        .maxAgeSeconds(n.maxAgeSeconds())
        .build();
  }

  static CorsRule fromS3(CORSRule rule, int index) {
    List<String> ops = new ArrayList<>();
    for (String op : ORDER) {
      if (rule.allowedMethods().stream().anyMatch(m -> m.equalsIgnoreCase(op.substring(3)))) {
        ops.add(op);
      }
    }
    String name = rule.id() == null || rule.id().isEmpty() ? "rule-" + index : rule.id();
    return new CorsRule(
        name,
        rule.allowedOrigins(),
        ops,
        rule.allowedHeaders(),
        rule.exposeHeaders(),
        rule.maxAgeSeconds());
  }

  static software.amazon.awssdk.services.s3.model.LifecycleRule toS3(LifecycleRule rule) {
    var b =
        software.amazon.awssdk.services.s3.model.LifecycleRule.builder()
            .id(
                "stowage "
                    + (rule.fileNamePrefix().isEmpty() ? "(all files)" : rule.fileNamePrefix()))
            .filter(LifecycleRuleFilter.builder().prefix(rule.fileNamePrefix()).build())
            .status(ExpirationStatus.ENABLED);
    if (rule.daysFromUploadingToHiding() != null) {
      b.expiration(LifecycleExpiration.builder().days(rule.daysFromUploadingToHiding()).build());
    }
    if (rule.daysFromHidingToDeleting() != null) {
      b.noncurrentVersionExpiration(
          NoncurrentVersionExpiration.builder()
              .noncurrentDays(rule.daysFromHidingToDeleting())
              .build());
    }
    if (rule.daysFromStartingToCancelingUnfinishedLargeFiles() != null) {
      b.abortIncompleteMultipartUpload(
          AbortIncompleteMultipartUpload.builder()
              .daysAfterInitiation(rule.daysFromStartingToCancelingUnfinishedLargeFiles())
              .build());
    }
    return b.build();
  }

  @SuppressWarnings(
      "deprecation") // the rule-level Prefix is how older buckets and some services return it
  static LifecycleRule fromS3(software.amazon.awssdk.services.s3.model.LifecycleRule rule) {
    String prefix =
        rule.filter() != null && rule.filter().prefix() != null
            ? rule.filter().prefix()
            : rule.prefix() != null ? rule.prefix() : "";
    Integer hide = rule.expiration() == null ? null : rule.expiration().days();
    Integer delete =
        rule.noncurrentVersionExpiration() == null
            ? null
            : rule.noncurrentVersionExpiration().noncurrentDays();
    Integer cancel =
        rule.abortIncompleteMultipartUpload() == null
            ? null
            : rule.abortIncompleteMultipartUpload().daysAfterInitiation();
    return new LifecycleRule(prefix, hide, delete, cancel);
  }
}
