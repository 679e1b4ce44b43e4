package dev.stowage.b2.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Bucket CORS rules: validated as B2 does when a bucket is created or updated, and enforced on the four
 * CORS-enabled native operations (downloads by name and id, upload and part URLs). The first rule, in list
 * order, that matches the origin, the operation and every requested header wins; without one, a preflight is
 * refused with 403 and no CORS headers.
 */
final class Cors {
  private static final Set<String> OPERATIONS =
      Set.of(
          "b2_download_file_by_name",
          "b2_download_file_by_id",
          "b2_upload_file",
          "b2_upload_part",
          "s3_delete",
          "s3_get",
          "s3_head",
          "s3_post",
          "s3_put");
  private static final Map<String, List<String>> METHODS =
      Map.of(
          "b2_download_file_by_name", List.of("GET", "HEAD"),
          "b2_download_file_by_id", List.of("GET", "HEAD", "POST"),
          "b2_upload_file", List.of("POST"),
          "b2_upload_part", List.of("POST"));
  private static final Pattern RULE_NAME = Pattern.compile("[A-Za-z0-9-]{6,50}");
  private static final Pattern HEADER = Pattern.compile("[A-Za-z0-9!#$%&'+.^_`|~-]+\\*?");
  private static final Pattern ORIGIN =
      Pattern.compile("(https?)://([A-Za-z0-9.*-]+)(:[0-9]{1,5})?");

  private final Catalog catalog;

  Cors(Catalog catalog) {
    this.catalog = catalog;
  }

  /** Checks a bucket's corsRules; answers 400 bad_request naming the first problem. */
  static List<JsonNode> validate(List<JsonNode> rules) {
    if (rules.size() > 100) {
      throw bad("at most 100 CORS rules per bucket");
    }
    Set<String> names = new HashSet<>();
    for (JsonNode rule : rules) {
      if (!rule.isObject()) {
        throw bad("a CORS rule must be an object");
      }
      String name = text(rule, "corsRuleName");
      if (name == null
          || !RULE_NAME.matcher(name).matches()
          || name.toLowerCase(Locale.ROOT).startsWith("b2-")) {
        throw bad(
            "corsRuleName must be 6 to 50 letters, digits or '-', not starting with b2-: " + name);
      }
      if (!names.add(name)) {
        throw bad("duplicate corsRuleName " + name);
      }
      List<String> origins = strings(rule, "allowedOrigins", true);
      for (String o : origins) {
        if (o.equals("*") && origins.size() > 1) {
          throw bad("'*' must be the only allowed origin");
        }
        if (!o.equals("*") && !o.equals("https") && !validOrigin(o)) {
          throw bad("invalid allowed origin " + o);
        }
      }
      for (String op : strings(rule, "allowedOperations", true)) {
        if (!OPERATIONS.contains(op)) {
          throw bad("unknown allowed operation " + op);
        }
      }
      for (String h : strings(rule, "allowedHeaders", false)) {
        if (!h.equals("*") && !HEADER.matcher(h).matches()) {
          throw bad("invalid allowed header " + h);
        }
      }
      for (String h : strings(rule, "exposeHeaders", false)) {
        if (h.contains("*") || !HEADER.matcher(h).matches()) {
          throw bad("invalid expose header " + h);
        }
      }
      JsonNode age = rule.get("maxAgeSeconds");
      if (age == null || !age.isIntegralNumber() || age.asLong() < 0 || age.asLong() > 86400) {
        throw bad("maxAgeSeconds must be an integer from 0 to 86400");
      }
      if (size(rule) >= 1000) {
        throw bad("CORS rule " + name + " is too large");
      }
    }
    return rules;
  }

  private static boolean validOrigin(String o) {
    var m = ORIGIN.matcher(o);
    if (!m.matches()) {
      return false;
    }
    String host = m.group(2);
    return host.indexOf('*') == host.lastIndexOf('*') && !host.isEmpty();
  }

  private static int size(JsonNode rule) {
    int total = 0;
    for (JsonNode v : rule) {
      if (v.isTextual()) {
        total += v.asText().length();
      } else if (v.isArray()) {
        for (JsonNode e : v) {
          total += e.asText().length();
        }
      }
    }
    return total;
  }

  private static @Nullable String text(JsonNode rule, String field) {
    JsonNode v = rule.get(field);
    return v != null && v.isTextual() ? v.asText() : null;
  }

  static List<String> strings(JsonNode rule, String field, boolean required) {
    JsonNode v = rule.get(field);
    List<String> out = new ArrayList<>();
    if (v == null || v.isNull()) {
      if (required) {
        throw bad(field + " is required in a CORS rule");
      }
      return out;
    }
    if (!v.isArray()) {
      throw bad(field + " must be a list of strings");
    }
    for (JsonNode e : v) {
      if (!e.isTextual()) {
        throw bad(field + " must be a list of strings");
      }
      out.add(e.asText());
    }
    if (required && out.isEmpty()) {
      throw bad(field + " must not be empty");
    }
    return out;
  }

  private static B2Exception bad(String message) {
    return B2Error.BAD_REQUEST.exception(message);
  }

  /** Answers a preflight {@code OPTIONS}. */
  Reply preflight(Call call) {
    String origin = call.header("Origin");
    String method = call.header("Access-Control-Request-Method");
    List<String> allowedMethods = METHODS.get(call.operation());
    Bucket bucket = bucketOf(call);
    if (origin == null
        || method == null
        || allowedMethods == null
        || bucket == null
        || !allowedMethods.contains(method.trim().toUpperCase(Locale.ROOT))) {
      throw B2Error.ACCESS_DENIED.exception("CORS preflight refused");
    }
    List<String> requested = new ArrayList<>();
    String list = call.header("Access-Control-Request-Headers");
    if (list != null) {
      for (String h : list.split(",")) {
        if (!h.isBlank()) {
          requested.add(h.trim().toLowerCase(Locale.ROOT));
        }
      }
    }
    JsonNode rule = match(bucket, origin, call.operation(), requested);
    if (rule == null) {
      throw B2Error.ACCESS_DENIED.exception("no CORS rule allows this request");
    }
    Reply reply =
        new Reply(200, 0, null)
            .header("Access-Control-Allow-Origin", origin)
            .header("Access-Control-Allow-Methods", String.join(", ", allowedMethods))
            .header("Access-Control-Max-Age", rule.get("maxAgeSeconds").asText())
            .header("Vary", "Origin");
    if (!requested.isEmpty()) {
      reply.header("Access-Control-Allow-Headers", String.join(", ", requested));
    }
    return reply;
  }

  /** Adds CORS headers to an actual cross-origin request's reply when a rule allows it. */
  void decorate(Call call, Reply reply) {
    String origin = call.header("Origin");
    if (origin == null || !METHODS.containsKey(call.operation())) {
      return;
    }
    Bucket bucket;
    try {
      bucket = bucketOf(call);
    } catch (B2Exception e) {
      return;
    }
    JsonNode rule = bucket == null ? null : match(bucket, origin, call.operation(), List.of());
    if (rule == null) {
      return;
    }
    reply.header("Access-Control-Allow-Origin", origin).header("Vary", "Origin");
    List<String> expose = strings(rule, "exposeHeaders", false);
    if (!expose.isEmpty()) {
      reply.header("Access-Control-Expose-Headers", String.join(", ", expose));
    }
  }

  private @Nullable Bucket bucketOf(Call call) {
    List<String> args = call.args();
    switch (call.operation()) {
      case "b2_download_file_by_name":
        return catalog.bucketByName(args.get(0));
      case "b2_upload_file":
        return args.isEmpty() ? null : catalog.bucket(args.get(0));
      case "b2_upload_part":
        return args.isEmpty() ? null : bucketOfFile(args.get(0));
      case "b2_download_file_by_id":
        return bucketOfFile(call.query().get("fileId"));
      default:
        return null;
    }
  }

  private @Nullable Bucket bucketOfFile(@Nullable String fileId) {
    FileVersion v = catalog.version(fileId);
    return v == null ? null : catalog.bucket(v.bucketId());
  }

  static @Nullable JsonNode match(
      Bucket bucket, String origin, String operation, List<String> headers) {
    for (JsonNode rule : bucket.corsRules()) {
      if (strings(rule, "allowedOperations", false).contains(operation)
          && originMatches(strings(rule, "allowedOrigins", false), origin)
          && headersAllowed(strings(rule, "allowedHeaders", false), headers)) {
        return rule;
      }
    }
    return null;
  }

  static boolean originMatches(List<String> allowed, String origin) {
    String o = normalize(origin);
    for (String a : allowed) {
      if (a.equals("*") || (a.equals("https") && o.startsWith("https://"))) {
        return true;
      }
      String pattern = normalize(a);
      int star = pattern.indexOf('*');
      if (star < 0
          ? pattern.equals(o)
          : o.length() > pattern.length() - 1
              && o.startsWith(pattern.substring(0, star))
              && o.endsWith(pattern.substring(star + 1))) {
        return true;
      }
    }
    return false;
  }

  private static String normalize(String origin) {
    String o = origin.trim().toLowerCase(Locale.ROOT);
    if (o.startsWith("https://") && o.endsWith(":443")) {
      return o.substring(0, o.length() - 4);
    }
    if (o.startsWith("http://") && o.endsWith(":80")) {
      return o.substring(0, o.length() - 3);
    }
    return o;
  }

  private static boolean headersAllowed(List<String> allowed, List<String> requested) {
    for (String h : requested) {
      boolean ok = false;
      for (String a : allowed) {
        String la = a.toLowerCase(Locale.ROOT);
        if (la.equals("*")
            || la.equals(h)
            || (la.endsWith("*") && h.startsWith(la.substring(0, la.length() - 1)))) {
          ok = true;
          break;
        }
      }
      if (!ok) {
        return false;
      }
    }
    return true;
  }
}
