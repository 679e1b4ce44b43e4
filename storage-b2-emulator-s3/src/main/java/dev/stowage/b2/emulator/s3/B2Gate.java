package dev.stowage.b2.emulator.s3;

import dev.stowage.b2.emulator.EmulatorStore;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gaul.s3proxy.GatedS3Server;
import org.jspecify.annotations.Nullable;

/**
 * B2's request-level rules, applied before S3Proxy parses a request.
 * <ul>
 *   <li>CORS: the bucket's native {@code corsRules} answer preflights for the S3 operations ({@code s3_get},
 *       {@code s3_head}, {@code s3_put}, {@code s3_delete}, {@code s3_post}) and decorate actual cross-origin
 *       requests, as the native face does for {@code b2_*} operations; no matching rule, no CORS headers (a
 *       preflight gets 403).</li>
 *   <li>Bucket CORS over S3 (PutBucketCors, GetBucketCors, DeleteBucketCors), which S3Proxy lacks, is answered
 *       over the same native rules ({@link BucketCorsCalls}).</li>
 *   <li>With {@link ChecksumHeaders#REJECT}, any flexible checksum header ({@code x-amz-checksum-*},
 *       {@code x-amz-sdk-checksum-algorithm}, or a checksum announced as an {@code x-amz-trailer}) is answered
 *       with 400 {@code InvalidArgument}, as B2 documents.</li>
 * </ul>
 */
final class B2Gate implements GatedS3Server.Gate {
  private static final Map<String, String> OPERATIONS =
      Map.of(
          "GET",
          "s3_get",
          "HEAD",
          "s3_head",
          "PUT",
          "s3_put",
          "DELETE",
          "s3_delete",
          "POST",
          "s3_post");

  private final EmulatorStore store;
  private final ChecksumHeaders checksums;
  private final BucketCorsCalls bucketCors;

  B2Gate(EmulatorStore store, ChecksumHeaders checksums) {
    this.store = store;
    this.checksums = checksums;
    this.bucketCors = new BucketCorsCalls(store);
  }

  @Override
  public GatedS3Server.@Nullable Refusal check(
      HttpServletRequest request, HttpServletResponse response) throws IOException {
    String origin = request.getHeader("Origin");
    if (origin != null) {
      String bucket = bucketOf(request);
      if (request.getMethod().equals("OPTIONS")) {
        return preflight(request, response, origin, bucket);
      }
      String operation = OPERATIONS.get(request.getMethod());
      EmulatorStore.CorsGrant grant =
          operation == null || bucket == null
              ? null
              : store.cors(bucket, origin, operation, List.of());
      if (grant != null) {
        response.setHeader("Access-Control-Allow-Origin", origin);
        response.addHeader("Vary", "Origin");
        if (!grant.exposeHeaders().isEmpty()) {
          response.setHeader(
              "Access-Control-Expose-Headers", String.join(", ", grant.exposeHeaders()));
        }
      }
    }
    if (checksums == ChecksumHeaders.REJECT) {
      for (String name : Collections.list(request.getHeaderNames())) {
        String lower = name.toLowerCase(Locale.ROOT);
        String value = request.getHeader(name);
        if (lower.startsWith("x-amz-checksum-") || lower.equals("x-amz-sdk-checksum-algorithm")) {
          return unsupported(lower);
        }
        if (lower.equals("x-amz-trailer")
            && value != null
            && value.toLowerCase(Locale.ROOT).contains("x-amz-checksum-")) {
          return unsupported(value.trim().toLowerCase(Locale.ROOT));
        }
      }
    }
    if (BucketCorsCalls.applies(request)) {
      return bucketCors.answer(request, response, bucketOf(request));
    }
    return null;
  }

  private GatedS3Server.Refusal preflight(
      HttpServletRequest request,
      HttpServletResponse response,
      String origin,
      @Nullable String bucket) {
    String method = request.getHeader("Access-Control-Request-Method");
    String operation =
        method == null ? null : OPERATIONS.get(method.trim().toUpperCase(Locale.ROOT));
    List<String> headers = new ArrayList<>();
    String list = request.getHeader("Access-Control-Request-Headers");
    if (list != null) {
      for (String h : list.split(",")) {
        if (!h.isBlank()) {
          headers.add(h.trim().toLowerCase(Locale.ROOT));
        }
      }
    }
    EmulatorStore.CorsGrant grant =
        operation == null || bucket == null ? null : store.cors(bucket, origin, operation, headers);
    if (grant == null) {
      return new GatedS3Server.Refusal(
          403,
          "AccessForbidden",
          "CORSResponse: This CORS request is not allowed. "
              + "This is usually because the evaluation of Origin, request method / "
              + "Access-Control-Request-Method or Access-Control-Request-Headers are not whitelisted by the "
              + "resource's CORS spec.");
    }
    response.setStatus(200);
    response.setHeader("Access-Control-Allow-Origin", origin);
    response.setHeader("Access-Control-Allow-Methods", method.trim().toUpperCase(Locale.ROOT));
    response.setHeader("Access-Control-Max-Age", Long.toString(grant.maxAgeSeconds()));
    response.setHeader("Vary", "Origin");
    if (!headers.isEmpty()) {
      response.setHeader("Access-Control-Allow-Headers", String.join(", ", headers));
    }
    if (!grant.exposeHeaders().isEmpty()) {
      response.setHeader("Access-Control-Expose-Headers", String.join(", ", grant.exposeHeaders()));
    }
    response.setContentLength(0);
    return GatedS3Server.Refusal.ANSWERED;
  }

  /** The bucket of a path-style request ({@code /bucket/key}), or null. */
  private static @Nullable String bucketOf(HttpServletRequest request) {
    String path = request.getRequestURI();
    if (path == null || path.length() < 2) {
      return null;
    }
    int end = path.indexOf('/', 1);
    return java.net.URLDecoder.decode(
        end < 0 ? path.substring(1) : path.substring(1, end),
        java.nio.charset.StandardCharsets.UTF_8);
  }

  private static GatedS3Server.Refusal unsupported(String header) {
    return new GatedS3Server.Refusal(
        400, "InvalidArgument", "Unsupported header '" + header + "' received for this API call.");
  }
}
