package dev.stowage.setup;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stowage.b2.client.B2Authorization;
import dev.stowage.b2.client.B2Client;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The three bucket calls the setup needs, with the fields {@code B2Client}'s bucket records do not carry yet
 * ({@code defaultServerSideEncryption}, {@code fileLockEnabled}/{@code fileLockConfiguration}). Authorization comes
 * from the shared {@link B2Client}; a 401 for an expired or bad token re-authorizes once.
 *
 * <p>Stopgap: once {@code B2Client} exposes those fields, these calls should move onto it.
 */
final class B2BucketCalls {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final B2Client client;
    private final HttpClient http;

    B2BucketCalls(B2Client client, Duration timeout) {
        this.client = client;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    /** Returns the bucket named {@code name} (case-insensitive, as B2 names are), or null when there is none. */
    BucketState find(String name) {
        ObjectNode body = account();
        body.put("bucketName", name);
        body.putArray("bucketTypes").add("all");
        JsonNode answer = call("b2_list_buckets", body);
        for (JsonNode b : answer.path("buckets")) {
            if (b.path("bucketName").asText().equalsIgnoreCase(name)) {
                return state(b);
            }
        }
        return null;
    }

    BucketState create(String name, String bucketType, Encryption encryption, boolean fileLock,
                       List<CorsRule> cors, List<LifecycleRule> lifecycle) {
        ObjectNode body = account();
        body.put("bucketName", name);
        body.put("bucketType", bucketType);
        if (encryption != null) {
            body.set("defaultServerSideEncryption", sse(encryption));
        }
        if (fileLock) {
            body.put("fileLockEnabled", true);
        }
        body.set("corsRules", MAPPER.valueToTree(cors));
        body.set("lifecycleRules", MAPPER.valueToTree(lifecycle));
        return state(call("b2_create_bucket", body));
    }

    /** Updates only the non-null settings; fails with status 409 {@code conflict} if the revision moved. */
    BucketState update(String bucketId, long ifRevisionIs, String bucketType, Encryption encryption,
                       List<CorsRule> cors, List<LifecycleRule> lifecycle) {
        ObjectNode body = account();
        body.put("bucketId", bucketId);
        if (bucketType != null) {
            body.put("bucketType", bucketType);
        }
        if (encryption != null) {
            body.set("defaultServerSideEncryption", sse(encryption));
        }
        if (cors != null) {
            body.set("corsRules", MAPPER.valueToTree(cors));
        }
        if (lifecycle != null) {
            body.set("lifecycleRules", MAPPER.valueToTree(lifecycle));
        }
        body.put("ifRevisionIs", ifRevisionIs);
        return state(call("b2_update_bucket", body));
    }

    private static ObjectNode sse(Encryption encryption) {
        ObjectNode n = MAPPER.createObjectNode();
        if (encryption == Encryption.SSE_B2) {
            n.put("mode", "SSE-B2");
            n.put("algorithm", "AES256");
        } else {
            n.put("mode", "none");
        }
        return n;
    }

    private ObjectNode account() {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("accountId", client.authorization().accountId());
        return n;
    }

    static BucketState state(JsonNode b) {
        List<CorsRule> cors = new ArrayList<>();
        for (JsonNode r : b.path("corsRules")) {
            cors.add(MAPPER.convertValue(r, CorsRule.class));
        }
        List<LifecycleRule> lifecycle = new ArrayList<>();
        for (JsonNode r : b.path("lifecycleRules")) {
            lifecycle.add(MAPPER.convertValue(r, LifecycleRule.class));
        }
        JsonNode sse = b.path("defaultServerSideEncryption");
        Encryption encryption = null;
        if (sse.path("isClientAuthorizedToRead").asBoolean(true)) {
            String mode = sse.path("value").path("mode").asText("none");
            encryption = "SSE-B2".equalsIgnoreCase(mode) ? Encryption.SSE_B2 : Encryption.NONE;
        }
        boolean lock = b.path("fileLockConfiguration").path("value").path("isFileLockEnabled").asBoolean(false);
        return new BucketState(b.path("bucketId").asText(), b.path("bucketName").asText(),
                b.path("bucketType").asText(), encryption, lock, cors, lifecycle, b.path("revision").asLong());
    }

    private JsonNode call(String name, ObjectNode body) {
        for (int attempt = 0; ; attempt++) {
            B2Authorization auth = client.authorization();
            HttpResponse<String> response = send(auth, name, body);
            if (response.statusCode() == 200) {
                return parse(name, response.body());
            }
            JsonNode error = parseQuietly(response.body());
            String code = error.path("code").asText("");
            if (attempt == 0 && response.statusCode() == 401
                    && (code.equals("expired_auth_token") || code.equals("bad_auth_token"))) {
                client.authorizeAccount();
                continue;
            }
            throw new SetupException(name + " failed: " + response.statusCode() + " " + code
                    + messageOf(error), response.statusCode(), code, null);
        }
    }

    private HttpResponse<String> send(B2Authorization auth, String name, ObjectNode body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(auth.apiUrl() + "/b2api/v2/" + name))
                .timeout(Duration.ofMinutes(1))
                .header("Authorization", auth.authorizationToken())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8))
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new SetupException(name + " failed: " + e.getMessage(), 0, null, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SetupException(name + " interrupted", 0, null, e);
        }
    }

    private static JsonNode parse(String name, String text) {
        try {
            return MAPPER.readTree(text);
        } catch (IOException e) {
            throw new SetupException(name + " answered with malformed JSON", 200, null, e);
        }
    }

    private static JsonNode parseQuietly(String text) {
        try {
            JsonNode n = MAPPER.readTree(text);
            return n == null ? MAPPER.createObjectNode() : n;
        } catch (IOException e) {
            return MAPPER.createObjectNode();
        }
    }

    private static String messageOf(JsonNode error) {
        String m = error.path("message").asText("");
        return m.isEmpty() ? "" : " (" + m + ")";
    }
}
