package dev.stowage.setup;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A recording S3 server that keeps just enough state for bucket configuration, for the settings S3Proxy cannot store
 * (CORS, lifecycle, ownership controls, public access block, object lock; {@link S3BucketSetupS3ProxyTest} covers
 * ACLs and encryption on S3Proxy). A configuration PUT must carry the {@code Content-MD5} of its body, as on S3; its
 * document is parsed, checked and kept in the server's own canonical form ({@link S3ConfigDocuments}), and a GET
 * returns that form, not the bytes the client sent — so reading back after a write does not just echo the client.
 */
final class FakeS3Server implements AutoCloseable {
  private static final String XML = "application/xml";
  private static final Map<String, String> MISSING_CODES =
      Map.of(
          "cors", "NoSuchCORSConfiguration",
          "lifecycle", "NoSuchLifecycleConfiguration",
          "encryption", "ServerSideEncryptionConfigurationNotFoundError",
          "ownershipControls", "OwnershipControlsNotFoundError",
          "publicAccessBlock", "NoSuchPublicAccessBlockConfiguration",
          "object-lock", "ObjectLockConfigurationNotFoundError");
  private static final Set<String> CANNED =
      Set.of("private", "public-read", "public-read-write", "authenticated-read");
  private static final Set<String> SUBRESOURCES =
      Set.of(
          "cors",
          "lifecycle",
          "encryption",
          "ownershipControls",
          "publicAccessBlock",
          "object-lock",
          "acl");

  private final Map<String, Map<String, String>> buckets = new ConcurrentHashMap<>();
  private final RecordingServer server;

  FakeS3Server() throws IOException {
    server = new RecordingServer(this::respond);
  }

  RecordingServer recorder() {
    return server;
  }

  List<RecordingServer.Request> requests() {
    return server.requests();
  }

  String config(String bucket, String subresource) {
    Map<String, String> b = buckets.get(bucket);
    return b == null ? null : b.get(subresource);
  }

  private RecordingServer.Response respond(RecordingServer.Request r) {
    String bucket = r.path().replaceAll("^/+", "").replaceAll("/.*$", "");
    String sub = r.query() == null ? "" : r.query().replaceAll("=.*$", "");
    Map<String, String> state = buckets.get(bucket);
    if (sub.isEmpty()) {
      switch (r.method()) {
        case "HEAD":
          return new RecordingServer.Response(state == null ? 404 : 200, Map.of(), new byte[0]);
        case "PUT":
          if (state != null) {
            return error(409, "BucketAlreadyOwnedByYou");
          }
          Map<String, String> fresh = new ConcurrentHashMap<>();
          fresh.put("acl", "private");
          if ("true".equals(r.header("x-amz-bucket-object-lock-enabled"))) {
            fresh.put(
                "object-lock",
                "<ObjectLockConfiguration xmlns=\""
                    + S3ConfigDocuments.NAMESPACE
                    + "\"><ObjectLockEnabled>Enabled</ObjectLockEnabled></ObjectLockConfiguration>");
          }
          buckets.put(bucket, fresh);
          return new RecordingServer.Response(200, Map.of("Location", "/" + bucket), new byte[0]);
        default:
          return error(405, "MethodNotAllowed");
      }
    }
    if (state == null) {
      return error(404, "NoSuchBucket");
    }
    if (!SUBRESOURCES.contains(sub)) {
      return error(501, "NotImplemented");
    }
    switch (r.method()) {
      case "GET":
        if (sub.equals("acl")) {
          return RecordingServer.Response.of(200, XML, acl(state.get("acl")));
        }
        String doc = state.get(sub);
        return doc == null
            ? error(404, MISSING_CODES.get(sub))
            : RecordingServer.Response.of(200, XML, doc);
      case "PUT":
        if (sub.equals("acl")) {
          String canned = r.header("x-amz-acl");
          if (!CANNED.contains(String.valueOf(canned))) {
            return error(400, "InvalidArgument");
          }
          state.put(sub, canned);
          return new RecordingServer.Response(200, Map.of(), new byte[0]);
        }
        String md5 = r.header("content-md5");
        if (md5 == null) {
          return error(400, "InvalidRequest");
        }
        if (!md5.equals(md5(r.body()))) {
          return error(400, "BadDigest");
        }
        try {
          state.put(sub, S3ConfigDocuments.canonical(sub, r.body()));
        } catch (S3ConfigDocuments.Refused e) {
          return error(400, e.code);
        }
        return new RecordingServer.Response(200, Map.of(), new byte[0]);
      case "DELETE":
        state.remove(sub);
        return new RecordingServer.Response(204, Map.of(), new byte[0]);
      default:
        return error(405, "MethodNotAllowed");
    }
  }

  private static String md5(byte[] body) {
    try {
      return Base64.getEncoder().encodeToString(MessageDigest.getInstance("MD5").digest(body));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String acl(String canned) {
    String owner = "<ID>owner-id</ID><DisplayName>owner</DisplayName>";
    String grants =
        "<Grant><Grantee xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:type=\"CanonicalUser\">"
            + owner
            + "</Grantee><Permission>FULL_CONTROL</Permission></Grant>";
    if ("public-read".equals(canned)) {
      grants +=
          "<Grant><Grantee xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:type=\"Group\">"
              + "<URI>http://acs.amazonaws.com/groups/global/AllUsers</URI></Grantee><Permission>READ</Permission></Grant>";
    }
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><AccessControlPolicy><Owner>"
        + owner
        + "</Owner>"
        + "<AccessControlList>"
        + grants
        + "</AccessControlList></AccessControlPolicy>";
  }

  private static RecordingServer.Response error(int status, String code) {
    return RecordingServer.Response.of(
        status,
        XML,
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>"
            + code
            + "</Code><Message>"
            + code
            + "</Message><RequestId>1</RequestId></Error>");
  }

  @Override
  public void close() {
    server.close();
  }
}
