package dev.stowage.setup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every invalid spec is rejected before any request, with the field path and reason; the servers behind both setups
 * answer 500 to anything, and must see nothing.
 */
@Timeout(60)
class InvalidSpecTest {
  private static final String NAME = "valid-bucket-name";
  private static RecordingServer b2Server;
  private static RecordingServer s3Server;
  private static B2BucketSetup b2;
  private static S3BucketSetup s3;

  @BeforeAll
  static void start() throws Exception {
    b2Server = RecordingServer.failingAll();
    s3Server = RecordingServer.failingAll();
    b2 =
        B2BucketSetup.builder()
            .endpoint(b2Server.uri())
            .credentials("test-key-id", "test-key")
            .build();
    s3 =
        S3BucketSetup.builder()
            .endpoint(s3Server.uri())
            .credentials("test-access", "test-secret")
            .build();
  }

  @AfterAll
  static void stop() {
    b2.close();
    s3.close();
    b2Server.close();
    s3Server.close();
  }

  private static CorsRule cors() {
    return Presets.cors("share-all-https", CorsApis.BOTH);
  }

  private static CorsRule cors(UnaryOperator<CorsRule> change) {
    return change.apply(cors());
  }

  private static CorsRule corsWith(
      List<String> origins,
      List<String> ops,
      List<String> headers,
      List<String> expose,
      Integer maxAge) {
    CorsRule c = cors();
    return new CorsRule(
        c.corsRuleName(),
        origins == null ? c.allowedOrigins() : origins,
        ops == null ? c.allowedOperations() : ops,
        headers == null ? c.allowedHeaders() : headers,
        expose == null ? c.exposeHeaders() : expose,
        maxAge);
  }

  private static BucketSpec spec(
      String name, List<LifecycleRule> lifecycle, List<CorsRule> cors, List<KeySpec> keys) {
    return new BucketSpec(name, null, null, false, lifecycle, cors, keys, false, false);
  }

  private static BucketSpec withCors(CorsRule... rules) {
    return spec(NAME, List.of(), List.of(rules), List.of());
  }

  private static BucketSpec withLifecycle(LifecycleRule... rules) {
    return spec(NAME, List.of(rules), List.of(), List.of());
  }

  private static BucketSpec withKey(KeySpec... keys) {
    return spec(NAME, List.of(), List.of(), List.of(keys));
  }

  static Stream<Arguments> invalidB2Specs() {
    List<CorsRule> tooMany = new ArrayList<>();
    for (int i = 0; i < 101; i++) {
      tooMany.add(cors().withName("rule-number-" + i));
    }
    return Stream.of(
        Arguments.of(
            "name missing", spec(null, List.of(), List.of(), List.of()), "name", "required"),
        Arguments.of(
            "name too short", spec("abc12", List.of(), List.of(), List.of()), "name", "6 to 63"),
        Arguments.of(
            "name too long",
            spec("a".repeat(64), List.of(), List.of(), List.of()),
            "name",
            "6 to 63"),
        Arguments.of(
            "name with underscore",
            spec("my_bucket", List.of(), List.of(), List.of()),
            "name",
            "letters, digits and '-'"),
        Arguments.of(
            "name with b2- prefix",
            spec("b2-reserved", List.of(), List.of(), List.of()),
            "name",
            "b2-"),
        Arguments.of(
            "cors name too short",
            withCors(cors().withName("short")),
            "corsRules[0].corsRuleName",
            "6 to 50"),
        Arguments.of(
            "cors name b2- prefix",
            withCors(cors().withName("b2-my-rule")),
            "corsRules[0].corsRuleName",
            "b2-"),
        Arguments.of(
            "cors name with space",
            withCors(cors().withName("my rule name")),
            "corsRules[0].corsRuleName",
            "letters, digits"),
        Arguments.of(
            "cors duplicate names",
            withCors(cors(), cors()),
            "corsRules[1].corsRuleName",
            "duplicate"),
        Arguments.of(
            "cors no origins",
            withCors(corsWith(List.of(), null, null, null, 60)),
            "corsRules[0].allowedOrigins",
            "at least one origin"),
        Arguments.of(
            "cors origin without scheme",
            withCors(corsWith(List.of("example.com"), null, null, null, 60)),
            "corsRules[0].allowedOrigins[0]",
            "scheme://host"),
        Arguments.of(
            "cors origin two wildcards",
            withCors(corsWith(List.of("https://*.*.example.com"), null, null, null, 60)),
            "corsRules[0].allowedOrigins[0]",
            "at most one '*'"),
        Arguments.of(
            "cors star not alone",
            withCors(corsWith(List.of("*", "https://a.example.com"), null, null, null, 60)),
            "corsRules[0].allowedOrigins[0]",
            "only origin"),
        Arguments.of(
            "cors ftp origin",
            withCors(corsWith(List.of("ftp://example.com"), null, null, null, 60)),
            "corsRules[0].allowedOrigins[0]",
            "http or https"),
        Arguments.of(
            "cors no operations",
            withCors(corsWith(null, List.of(), null, null, 60)),
            "corsRules[0].allowedOperations",
            "at least one operation"),
        Arguments.of(
            "cors unknown operation",
            withCors(corsWith(null, List.of("b2_list_file_names"), null, null, 60)),
            "corsRules[0].allowedOperations[0]",
            "unknown operation"),
        Arguments.of(
            "cors duplicate operation",
            withCors(corsWith(null, List.of("s3_get", "s3_get"), null, null, 60)),
            "corsRules[0].allowedOperations[1]",
            "duplicate"),
        Arguments.of(
            "cors bad header",
            withCors(corsWith(null, null, List.of("content type"), null, 60)),
            "corsRules[0].allowedHeaders[0]",
            "header name"),
        Arguments.of(
            "cors wildcard expose header",
            withCors(corsWith(null, null, null, List.of("x-bz-*"), 60)),
            "corsRules[0].exposeHeaders[0]",
            "complete header name"),
        Arguments.of(
            "cors max age missing",
            withCors(corsWith(null, null, null, null, null)),
            "corsRules[0].maxAgeSeconds",
            "required"),
        Arguments.of(
            "cors max age too big",
            withCors(cors(c -> c.withMaxAgeSeconds(86_401))),
            "corsRules[0].maxAgeSeconds",
            "0 to 86400"),
        Arguments.of(
            "cors max age negative",
            withCors(cors(c -> c.withMaxAgeSeconds(-1))),
            "corsRules[0].maxAgeSeconds",
            "0 to 86400"),
        Arguments.of(
            "cors rule over 1000 bytes",
            withCors(
                corsWith(
                    Collections.nCopies(40, "https://a-rather-long-origin-name.example.com"),
                    null,
                    null,
                    null,
                    60)),
            "corsRules[0]",
            "1000 bytes"),
        Arguments.of(
            "cors over 100 rules",
            spec(NAME, List.of(), tooMany, List.of()),
            "corsRules",
            "at most 100"),
        Arguments.of(
            "lifecycle without prefix",
            withLifecycle(new LifecycleRule(null, null, 1, null)),
            "lifecycleRules[0].fileNamePrefix",
            "required"),
        Arguments.of(
            "lifecycle without action",
            withLifecycle(new LifecycleRule("", null, null, null)),
            "lifecycleRules[0]",
            "at least one action"),
        Arguments.of(
            "lifecycle zero days",
            withLifecycle(new LifecycleRule("", 0, null, null)),
            "lifecycleRules[0].daysFromUploadingToHiding",
            "at least 1"),
        Arguments.of(
            "lifecycle negative days",
            withLifecycle(new LifecycleRule("", null, null, -3)),
            "lifecycleRules[0].daysFromStartingToCancelingUnfinishedLargeFiles",
            "at least 1"),
        Arguments.of(
            "lifecycle overlapping prefixes",
            withLifecycle(
                new LifecycleRule("photos/", null, 1, null),
                new LifecycleRule("photos/kittens/", null, 2, null)),
            "lifecycleRules[1].fileNamePrefix",
            "overlaps"),
        Arguments.of(
            "lifecycle same prefix twice",
            withLifecycle(
                new LifecycleRule("", null, 1, null), new LifecycleRule("", 3, null, null)),
            "lifecycleRules[1].fileNamePrefix",
            "overlaps"),
        Arguments.of(
            "key name with space",
            withKey(KeySpec.of("my key", List.of("readFiles"))),
            "keys[0].keyName",
            "letters, digits"),
        Arguments.of(
            "key name too long",
            withKey(KeySpec.of("k".repeat(101), List.of("readFiles"))),
            "keys[0].keyName",
            "1 to 100"),
        Arguments.of(
            "key duplicate names",
            withKey(
                KeySpec.of("app", List.of("readFiles")), KeySpec.of("app", List.of("listFiles"))),
            "keys[1].keyName",
            "duplicate"),
        Arguments.of(
            "key without capabilities",
            withKey(KeySpec.of("app", List.of())),
            "keys[0].capabilities",
            "at least one"),
        Arguments.of(
            "key unknown capability",
            withKey(KeySpec.of("app", List.of("readEverything"))),
            "keys[0].capabilities[0]",
            "unknown capability"),
        Arguments.of(
            "key account capability on bucket key",
            withKey(KeySpec.of("app", List.of("readFiles", "writeKeys"))),
            "keys[0].capabilities[1]",
            "account-wide"),
        Arguments.of(
            "key prefix without bucket",
            withKey(new KeySpec("app", List.of("readFiles"), "logs/", null, true)),
            "keys[0].namePrefix",
            "restricted to the bucket"),
        Arguments.of(
            "key duration too long",
            withKey(new KeySpec("app", List.of("readFiles"), null, 86_400_000L, false)),
            "keys[0].validDurationInSeconds",
            "under 1000 days"),
        Arguments.of(
            "object ACLs on B2",
            new BucketSpec(NAME, null, null, false, List.of(), List.of(), List.of(), false, true),
            "objectAcls",
            "per bucket"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidB2Specs")
  void planB2_invalidSpec_throwsWithPathAndSendsNothing(
      String title, BucketSpec spec, String path, String reason) {
    InvalidSpecException e = catchThrowableOfType(InvalidSpecException.class, () -> b2.plan(spec));

    assertThat(e).as(title).isNotNull();
    assertThat(e.violations())
        .as(title)
        .anySatisfy(
            v -> {
              assertThat(v.path()).isEqualTo(path);
              assertThat(v.reason()).contains(reason);
            });
    assertThat(e.getMessage()).contains(path + ": ");
    assertThat(b2Server.requests()).as(title).isEmpty();
  }

  static Stream<Arguments> invalidS3Specs() {
    return Stream.of(
        Arguments.of(
            "uppercase name",
            spec("My-Bucket", List.of(), List.of(), List.of()),
            "name",
            "lowercase"),
        Arguments.of(
            "ip-like name",
            spec("192.168.1.10", List.of(), List.of(), List.of()),
            "name",
            "IP address"),
        Arguments.of(
            "name ending in dash",
            spec("bucket-", List.of(), List.of(), List.of()),
            "name",
            "start and end"),
        Arguments.of(
            "native-only cors rule",
            withCors(Presets.cors("share-all-https", CorsApis.NATIVE)),
            "corsRules[0].allowedOperations",
            "s3_*"),
        Arguments.of(
            "keys on S3", withKey(KeySpec.of("app", List.of("readFiles"))), "keys", "B2 native"),
        Arguments.of(
            "cors max age too big",
            withCors(Presets.cors("share-all-https", CorsApis.S3).withMaxAgeSeconds(100_000)),
            "corsRules[0].maxAgeSeconds",
            "0 to 86400"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidS3Specs")
  void planS3_invalidSpec_throwsWithPathAndSendsNothing(
      String title, BucketSpec spec, String path, String reason) {
    InvalidSpecException e = catchThrowableOfType(InvalidSpecException.class, () -> s3.plan(spec));

    assertThat(e).as(title).isNotNull();
    assertThat(e.violations())
        .as(title)
        .anySatisfy(
            v -> {
              assertThat(v.path()).isEqualTo(path);
              assertThat(v.reason()).contains(reason);
            });
    assertThat(s3Server.requests()).as(title).isEmpty();
  }

  @Test
  void plan_manyProblems_reportsEveryOneAtOnce() {
    BucketSpec spec =
        new BucketSpec(
            "b2-x",
            null,
            null,
            false,
            List.of(new LifecycleRule("", 0, null, null)),
            List.of(cors().withName("bad"), cors().withMaxAgeSeconds(90_000)),
            List.of(KeySpec.of("bad key", List.of("nope"))),
            false,
            false);

    InvalidSpecException e = catchThrowableOfType(InvalidSpecException.class, () -> b2.plan(spec));

    assertThat(e.violations())
        .extracting(Violation::path)
        .containsExactly(
            "name",
            "lifecycleRules[0].daysFromUploadingToHiding",
            "corsRules[0].corsRuleName",
            "corsRules[1].maxAgeSeconds",
            "keys[0].keyName",
            "keys[0].capabilities[0]");
    assertThat(e.getMessage()).startsWith("invalid bucket spec (6 problems)");
    assertThat(b2Server.requests()).isEmpty();
  }
}
