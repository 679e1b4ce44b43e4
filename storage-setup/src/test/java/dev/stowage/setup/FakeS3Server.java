package dev.stowage.setup;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A recording S3 server that keeps just enough state for bucket configuration: buckets, and per bucket the last
 * document PUT to each configuration subresource, echoed back on GET (S3 returns the same XML shape it accepts).
 */
final class FakeS3Server implements AutoCloseable {
    private static final String XML = "application/xml";
    private static final Map<String, String> MISSING_CODES = Map.of(
            "cors", "NoSuchCORSConfiguration",
            "lifecycle", "NoSuchLifecycleConfiguration",
            "encryption", "ServerSideEncryptionConfigurationNotFoundError",
            "ownershipControls", "OwnershipControlsNotFoundError",
            "publicAccessBlock", "NoSuchPublicAccessBlockConfiguration",
            "object-lock", "ObjectLockConfigurationNotFoundError");
    private static final Set<String> SUBRESOURCES = Set.of("cors", "lifecycle", "encryption", "ownershipControls",
            "publicAccessBlock", "object-lock", "acl");

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
                    if (r.bodyText().contains("ObjectLockEnabled") || "true".equals(r.header("x-amz-bucket-object-lock-enabled"))) {
                        fresh.put("object-lock", "<ObjectLockConfiguration><ObjectLockEnabled>Enabled</ObjectLockEnabled>"
                                + "</ObjectLockConfiguration>");
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
                return doc == null ? error(404, MISSING_CODES.get(sub)) : RecordingServer.Response.of(200, XML, doc);
            case "PUT":
                state.put(sub, sub.equals("acl") ? r.header("x-amz-acl") : r.bodyText());
                return new RecordingServer.Response(200, Map.of(), new byte[0]);
            case "DELETE":
                state.remove(sub);
                return new RecordingServer.Response(204, Map.of(), new byte[0]);
            default:
                return error(405, "MethodNotAllowed");
        }
    }

    private static String acl(String canned) {
        String owner = "<ID>owner-id</ID><DisplayName>owner</DisplayName>";
        String grants = "<Grant><Grantee xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:type=\"CanonicalUser\">"
                + owner + "</Grantee><Permission>FULL_CONTROL</Permission></Grant>";
        if ("public-read".equals(canned)) {
            grants += "<Grant><Grantee xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:type=\"Group\">"
                    + "<URI>http://acs.amazonaws.com/groups/global/AllUsers</URI></Grantee><Permission>READ</Permission></Grant>";
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><AccessControlPolicy><Owner>" + owner + "</Owner>"
                + "<AccessControlList>" + grants + "</AccessControlList></AccessControlPolicy>";
    }

    private static RecordingServer.Response error(int status, String code) {
        return RecordingServer.Response.of(status, XML, "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>" + code
                + "</Code><Message>" + code + "</Message><RequestId>1</RequestId></Error>");
    }

    @Override
    public void close() {
        server.close();
    }
}
