package dev.stowage.setup;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Checks a spec against B2's documented rules (and S3's bucket-name rules on the S3 path), collecting every
 * violation with its field path. Runs before any network call.
 */
final class SpecValidator {
  /** Which service the spec is for; a few rules differ. */
  enum Target {
    B2,
    S3
  }

  static final Set<String> CAPABILITIES =
      Set.of(
          "listKeys",
          "writeKeys",
          "deleteKeys",
          "listBuckets",
          "listAllBucketNames",
          "readBuckets",
          "writeBuckets",
          "deleteBuckets",
          "readBucketEncryption",
          "writeBucketEncryption",
          "readBucketRetentions",
          "writeBucketRetentions",
          "readFileRetentions",
          "writeFileRetentions",
          "readFileLegalHolds",
          "writeFileLegalHolds",
          "readBucketReplications",
          "writeBucketReplications",
          "bypassGovernance",
          "listFiles",
          "readFiles",
          "shareFiles",
          "writeFiles",
          "deleteFiles",
          "readBucketNotifications",
          "writeBucketNotifications");

  /** Capabilities a key restricted to one bucket may not hold (b2_create_key). */
  static final Set<String> ACCOUNT_LEVEL =
      Set.of("listKeys", "writeKeys", "deleteKeys", "writeBuckets", "deleteBuckets");

  static final int MAX_RULES = 100;
  static final int MAX_AGE = 86_400;
  static final long MAX_KEY_SECONDS = 86_400_000L;

  private static final Pattern B2_BUCKET = Pattern.compile("[A-Za-z0-9-]{6,63}");
  private static final Pattern S3_BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
  private static final Pattern IP_LIKE = Pattern.compile("\\d+\\.\\d+\\.\\d+\\.\\d+");
  private static final Pattern RULE_NAME = Pattern.compile("[A-Za-z0-9-]{6,50}");
  private static final Pattern KEY_NAME = Pattern.compile("[A-Za-z0-9-]{1,100}");
  private static final Pattern ORIGIN =
      Pattern.compile("(https?)://([A-Za-z0-9.*-]+)(:[0-9]{1,5})?");
  private static final Pattern HEADER = Pattern.compile("[A-Za-z0-9!#$%&'+.^_`|~-]+");

  private final Target target;
  private final List<Violation> violations = new ArrayList<>();

  private SpecValidator(Target target) {
    this.target = target;
  }

  /**
   * Checks {@code spec} for {@code target}.
   *
   * @throws InvalidSpecException listing every violation
   */
  static void check(BucketSpec spec, Target target) {
    SpecValidator v = new SpecValidator(target);
    v.bucket(spec);
    v.lifecycle(spec.lifecycleRules());
    v.cors(spec.corsRules());
    v.keys(spec.keys());
    if (!v.violations.isEmpty()) {
      throw new InvalidSpecException(v.violations);
    }
  }

  private void add(String path, String reason) {
    violations.add(new Violation(path, reason));
  }

  private void bucket(BucketSpec spec) {
    String name = spec.name();
    if (name == null || name.isEmpty()) {
      add("name", "a bucket name is required");
    } else if (target == Target.B2) {
      if (!B2_BUCKET.matcher(name).matches()) {
        add(
            "name",
            "must be 6 to 63 characters of letters, digits and '-' (got "
                + name.length()
                + " characters: '"
                + name
                + "')");
      } else if (name.toLowerCase(Locale.ROOT).startsWith("b2-")) {
        add("name", "must not start with 'b2-' (reserved by B2)");
      }
    } else if (!S3_BUCKET.matcher(name).matches()
        || name.contains("..")
        || IP_LIKE.matcher(name).matches()) {
      add(
          "name",
          "must be 3 to 63 lowercase letters, digits, '.' or '-', start and end with a letter or"
              + " digit, and not look like an IP address: '"
              + name
              + "'");
    }
    if (spec.objectAcls() && target == Target.B2) {
      add("objectAcls", "B2 sets visibility per bucket (type), not per object");
    }
    if (spec.retention() != null && target != Target.B2) {
      add("retention", "default retention is set through the B2 native API; use 'setup b2'");
    }
  }

  private void lifecycle(List<LifecycleRule> rules) {
    if (rules.size() > MAX_RULES) {
      add(
          "lifecycleRules",
          "at most " + MAX_RULES + " rules per bucket (got " + rules.size() + ")");
    }
    List<String> prefixes = new ArrayList<>();
    for (int i = 0; i < rules.size(); i++) {
      String path = "lifecycleRules[" + i + "]";
      LifecycleRule r = rules.get(i);
      if (r == null) {
        add(path, "a rule must not be null");
        prefixes.add(null);
        continue;
      }
      if (r.fileNamePrefix() == null) {
        add(path + ".fileNamePrefix", "is required (use \"\" for the whole bucket)");
      }
      days(path + ".daysFromUploadingToHiding", r.daysFromUploadingToHiding());
      days(path + ".daysFromHidingToDeleting", r.daysFromHidingToDeleting());
      days(
          path + ".daysFromStartingToCancelingUnfinishedLargeFiles",
          r.daysFromStartingToCancelingUnfinishedLargeFiles());
      if (r.daysFromUploadingToHiding() == null
          && r.daysFromHidingToDeleting() == null
          && r.daysFromStartingToCancelingUnfinishedLargeFiles() == null) {
        add(
            path,
            "needs at least one action (daysFromUploadingToHiding, daysFromHidingToDeleting or"
                + " daysFromStartingToCancelingUnfinishedLargeFiles)");
      }
      String p = r.fileNamePrefix();
      for (int j = 0; j < prefixes.size() && p != null; j++) {
        String other = prefixes.get(j);
        if (other != null && (other.startsWith(p) || p.startsWith(other))) {
          add(
              path + ".fileNamePrefix",
              "prefix \""
                  + p
                  + "\" overlaps prefix \""
                  + other
                  + "\" of lifecycleRules["
                  + j
                  + "]; B2 allows one rule per set of files");
          break;
        }
      }
      prefixes.add(p);
    }
  }

  private void days(String path, @Nullable Integer days) {
    if (days != null && days < 1) {
      add(path, "must be null or at least 1 (got " + days + ")");
    }
  }

  private void cors(List<CorsRule> rules) {
    if (rules.size() > MAX_RULES) {
      add("corsRules", "at most " + MAX_RULES + " rules per bucket (got " + rules.size() + ")");
    }
    Set<String> names = new HashSet<>();
    for (int i = 0; i < rules.size(); i++) {
      String path = "corsRules[" + i + "]";
      CorsRule r = rules.get(i);
      if (r == null) {
        add(path, "a rule must not be null");
        continue;
      }
      String name = r.corsRuleName();
      if (name == null || !RULE_NAME.matcher(name).matches()) {
        add(path + ".corsRuleName", "must be 6 to 50 letters, digits or '-' (got '" + name + "')");
      } else if (name.toLowerCase(Locale.ROOT).startsWith("b2-")) {
        add(path + ".corsRuleName", "must not start with 'b2-' (reserved by B2)");
      } else if (!names.add(name)) {
        add(path + ".corsRuleName", "duplicate rule name '" + name + "'");
      }
      origins(path + ".allowedOrigins", r.allowedOrigins());
      operations(path + ".allowedOperations", r.allowedOperations());
      headers(path + ".allowedHeaders", r.allowedHeaders(), true);
      headers(path + ".exposeHeaders", r.exposeHeaders(), false);
      if (r.maxAgeSeconds() == null) {
        add(path + ".maxAgeSeconds", "is required (0 to " + MAX_AGE + ")");
      } else if (r.maxAgeSeconds() < 0 || r.maxAgeSeconds() > MAX_AGE) {
        add(
            path + ".maxAgeSeconds",
            "must be 0 to " + MAX_AGE + " (got " + r.maxAgeSeconds() + ")");
      }
      int size = size(r);
      if (size >= 1000) {
        add(path, "must be under 1000 bytes summed over its strings (got " + size + ")");
      }
    }
  }

  private void origins(String path, List<String> origins) {
    if (origins.isEmpty()) {
      add(path, "at least one origin is required");
      return;
    }
    for (int i = 0; i < origins.size(); i++) {
      String o = origins.get(i);
      String p = path + "[" + i + "]";
      if (o == null) {
        add(p, "must not be null");
      } else if (o.equals("*")) {
        if (origins.size() > 1) {
          add(p, "'*' must be the only origin of its rule");
        }
      } else if (!o.equals("https")) {
        var m = ORIGIN.matcher(o);
        if (!m.matches()) {
          add(p, "must be scheme://host[:port] (http or https), 'https' or '*' (got '" + o + "')");
        } else if (m.group(2).chars().filter(c -> c == '*').count() > 1) {
          add(p, "at most one '*' is allowed (got '" + o + "')");
        } else if (m.group(3) != null && Integer.parseInt(m.group(3).substring(1)) > 65535) {
          add(p, "port out of range (got '" + o + "')");
        }
      }
    }
  }

  private void operations(String path, List<String> operations) {
    if (operations.isEmpty()) {
      add(path, "at least one operation is required");
      return;
    }
    Set<String> seen = new HashSet<>();
    boolean anyS3 = false;
    for (int i = 0; i < operations.size(); i++) {
      String op = operations.get(i);
      boolean nativeOp = CorsRule.NATIVE_OPERATIONS.contains(op);
      boolean s3Op = CorsRule.S3_OPERATIONS.contains(op);
      anyS3 |= s3Op;
      if (!nativeOp && !s3Op) {
        add(
            path + "[" + i + "]",
            "unknown operation '"
                + op
                + "'; known: "
                + CorsRule.NATIVE_OPERATIONS
                + " and "
                + CorsRule.S3_OPERATIONS);
      } else if (!seen.add(op)) {
        add(path + "[" + i + "]", "duplicate operation '" + op + "'");
      }
    }
    if (target == Target.S3 && !anyS3) {
      add(
          path,
          "an S3 bucket's CORS rule needs at least one s3_* operation (native b2_* operations do not"
              + " apply there)");
    }
  }

  private void headers(String path, List<String> headers, boolean wildcards) {
    for (int i = 0; i < headers.size(); i++) {
      String h = headers.get(i);
      String p = path + "[" + i + "]";
      if (h == null) {
        add(p, "must not be null");
      } else if (wildcards && h.equals("*")) {
        continue;
      } else {
        String name = wildcards && h.endsWith("*") ? h.substring(0, h.length() - 1) : h;
        if (!HEADER.matcher(name).matches()) {
          add(
              p,
              wildcards
                  ? "must be a header name, a prefix ending in '*', or '*' (got '" + h + "')"
                  : "must be a complete header name (got '" + h + "')");
        }
      }
    }
  }

  private static int size(CorsRule r) {
    int n = utf8(r.corsRuleName());
    for (List<String> list :
        List.of(r.allowedOrigins(), r.allowedOperations(), r.allowedHeaders(), r.exposeHeaders())) {
      for (String s : list) {
        n += utf8(s);
      }
    }
    return n;
  }

  private static int utf8(String s) {
    return s == null ? 0 : s.getBytes(StandardCharsets.UTF_8).length;
  }

  private void keys(List<KeySpec> keys) {
    if (target == Target.S3 && !keys.isEmpty()) {
      add(
          "keys",
          "application keys are created with the B2 native API (setup b2); the S3 API has no key"
              + " calls");
      return;
    }
    Set<String> names = new HashSet<>();
    for (int i = 0; i < keys.size(); i++) {
      String path = "keys[" + i + "]";
      KeySpec k = keys.get(i);
      if (k == null) {
        add(path, "a key must not be null");
        continue;
      }
      if (k.keyName() == null || !KEY_NAME.matcher(k.keyName()).matches()) {
        add(
            path + ".keyName",
            "must be 1 to 100 letters, digits or '-' (got '" + k.keyName() + "')");
      } else if (!names.add(k.keyName())) {
        add(path + ".keyName", "duplicate key name '" + k.keyName() + "'");
      }
      capabilities(path + ".capabilities", k);
      if (k.namePrefix() != null && k.allBuckets()) {
        add(
            path + ".namePrefix",
            "a name prefix needs a key restricted to the bucket (allBuckets false)");
      }
      if (k.namePrefix() != null && k.namePrefix().isEmpty()) {
        add(path + ".namePrefix", "must be null or non-empty");
      }
      Long s = k.validDurationInSeconds();
      if (s != null && (s < 1 || s >= MAX_KEY_SECONDS)) {
        add(
            path + ".validDurationInSeconds",
            "must be 1 to " + (MAX_KEY_SECONDS - 1) + " (under 1000 days), got " + s);
      }
    }
  }

  private void capabilities(String path, KeySpec k) {
    if (k.capabilities().isEmpty()) {
      add(path, "at least one capability is required");
      return;
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < k.capabilities().size(); i++) {
      String c = k.capabilities().get(i);
      String p = path + "[" + i + "]";
      if (!CAPABILITIES.contains(c)) {
        add(p, "unknown capability '" + c + "'");
      } else if (!seen.add(c)) {
        add(p, "duplicate capability '" + c + "'");
      } else if (!k.allBuckets() && ACCOUNT_LEVEL.contains(c)) {
        add(p, "'" + c + "' is account-wide; a key restricted to one bucket cannot hold it");
      }
    }
  }
}
