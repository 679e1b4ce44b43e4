package dev.stowage.setup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stowage.b2.client.B2Bucket;
import dev.stowage.b2.client.B2Client;
import dev.stowage.b2.client.B2Key;
import dev.stowage.b2.emulator.B2Emulator;
import dev.stowage.testing.B2EmulatorExtension;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The B2 native path against the emulator: create, re-run, change, keep, replace, keys, revision conflicts. */
@Timeout(60)
class B2BucketSetupTest {
  private static final String BUCKET = "my-app-storage-123";

  private B2Emulator emulator;
  private B2BucketSetup setup;
  private B2Client admin;

  @RegisterExtension static final B2EmulatorExtension B2 = B2EmulatorExtension.builder().perTest();

  private EmulatorFixture fixture;

  @BeforeEach
  void start() {
    fixture = new EmulatorFixture(B2.emulator());
    emulator = fixture.emulator;
    setup = fixture.setup;
    admin = fixture.admin;
  }

  @AfterEach
  void stop() {
    fixture.close();
  }

  static BucketSpec guideSpec() {
    return BucketSpec.builder(BUCKET)
        .type(BucketType.PRIVATE)
        .encryption(Encryption.SSE_B2)
        .lifecyclePreset("keep-only-last-version")
        .lifecyclePreset("cancel-unfinished-large-files:7")
        .corsPreset("share-all-https", CorsApis.BOTH)
        .key(KeySpec.of("my-app-key", KeySpec.READ_WRITE).withNamePrefix("uploads/"))
        .build();
  }

  private B2Bucket bucket() {
    return admin.listBuckets(null, BUCKET).get(0);
  }

  @Test
  void run_freshSpec_createsBucketRulesAndKey() {
    SetupResult result = setup.run(guideSpec());

    B2Bucket b = bucket();
    assertThat(result.bucketId()).isEqualTo(b.bucketId());
    assertThat(result.bucketName()).isEqualTo(BUCKET);
    assertThat(result.s3Endpoint()).isEqualTo(emulator.url());
    assertThat(b.bucketType()).isEqualTo("allPrivate");
    assertThat(b.lifecycleRules()).hasSize(1);
    assertThat(b.lifecycleRules().get(0))
        .containsEntry("fileNamePrefix", "")
        .containsEntry("daysFromHidingToDeleting", 1)
        .containsEntry("daysFromStartingToCancelingUnfinishedLargeFiles", 7);
    assertThat(b.corsRules()).hasSize(1);
    assertThat(b.corsRules().get(0))
        .containsEntry("corsRuleName", "stowage-share-all-https")
        .containsEntry("allowedOrigins", List.of("https"))
        .containsEntry("maxAgeSeconds", 3600);
    assertThat(result.createdKeys())
        .singleElement()
        .satisfies(
            k -> {
              assertThat(k.keyName()).isEqualTo("my-app-key");
              assertThat(k.applicationKey()).isNotBlank();
              assertThat(k.bucketName()).isEqualTo(BUCKET);
              assertThat(k.namePrefix()).isEqualTo("uploads/");
            });
    B2Key key =
        admin.listKeys(null, 100).keys().stream()
            .filter(k -> k.keyName().equals("my-app-key"))
            .findFirst()
            .orElseThrow();
    assertThat(key.bucketId()).isEqualTo(b.bucketId());
    assertThat(key.capabilities()).containsExactlyInAnyOrderElementsOf(KeySpec.READ_WRITE);
    assertThat(key.namePrefix()).isEqualTo("uploads/");
  }

  @Test
  void run_secondTime_reportsNoChangesAndKeyExists() {
    setup.run(guideSpec());
    long revision = bucket().revision();

    Plan again = setup.plan(guideSpec());
    SetupResult second = setup.apply(again);

    assertThat(again.hasChanges()).as(again.toString()).isFalse();
    assertThat(again.changes())
        .filteredOn(c -> c.action() == Change.Action.KEY_EXISTS)
        .singleElement()
        .satisfies(c -> assertThat(c.detail()).contains("secret not shown"));
    assertThat(second.createdKeys()).isEmpty();
    assertThat(bucket().revision()).isEqualTo(revision);
    assertThat(admin.listKeys(null, 100).keys())
        .filteredOn(k -> k.keyName().equals("my-app-key"))
        .hasSize(1);
  }

  @Test
  void run_changedType_updatesOnlyTheType() {
    setup.run(guideSpec());
    B2Bucket before = bucket();

    SetupResult result = setup.run(guideSpec().toBuilder().type(BucketType.PUBLIC).build());

    assertThat(result.applied())
        .extracting(Change::action)
        .containsExactly(Change.Action.SET_BUCKET_TYPE);
    B2Bucket after = bucket();
    assertThat(after.bucketType()).isEqualTo("allPublic");
    assertThat(after.revision()).isEqualTo(before.revision() + 1);
    assertThat(after.corsRules()).isEqualTo(before.corsRules());
    assertThat(after.lifecycleRules()).isEqualTo(before.lifecycleRules());
  }

  @Test
  void run_changedCorsMaxAge_replacesThatRuleOnly() {
    setup.run(guideSpec());
    BucketSpec changed = guideSpec().toBuilder().build();
    changed =
        new BucketSpec(
            changed.name(),
            changed.type(),
            changed.encryption(),
            false,
            changed.lifecycleRules(),
            List.of(changed.corsRules().get(0).withMaxAgeSeconds(600)),
            changed.keys(),
            false,
            false);

    Plan plan = setup.plan(changed);

    assertThat(plan.mutations())
        .extracting(Change::action)
        .containsExactly(Change.Action.REPLACE_CORS_RULE);
    setup.apply(plan);
    assertThat(bucket().corsRules().get(0)).containsEntry("maxAgeSeconds", 600);
  }

  @Test
  void run_rulesNotInSpec_areKeptUnlessReplace() {
    setup.run(guideSpec());
    BucketSpec other =
        BucketSpec.builder(BUCKET)
            .corsPreset("origins:https://app.example.com", CorsApis.NATIVE)
            .build();

    setup.run(other);
    assertThat(bucket().corsRules())
        .extracting(r -> r.get("corsRuleName"))
        .containsExactly("stowage-share-all-https", "stowage-origins");
    assertThat(bucket().lifecycleRules()).hasSize(1);

    SetupResult replaced = setup.run(other.toBuilder().replace(true).build());
    assertThat(replaced.applied())
        .extracting(Change::action)
        .containsExactlyInAnyOrder(
            Change.Action.REMOVE_CORS_RULE, Change.Action.REMOVE_LIFECYCLE_RULE);
    assertThat(bucket().corsRules())
        .extracting(r -> r.get("corsRuleName"))
        .containsExactly("stowage-origins");
    assertThat(bucket().lifecycleRules()).isEmpty();
  }

  @Test
  void apply_bucketChangedAfterPlan_replansOnceAndKeepsTheOtherChange() {
    setup.run(BucketSpec.builder(BUCKET).build());
    Plan stale =
        setup.plan(
            BucketSpec.builder(BUCKET).corsPreset("share-all-https", CorsApis.NATIVE).build());
    setup.run(BucketSpec.builder(BUCKET).lifecyclePreset("keep-prior-versions:30").build());

    SetupResult result = setup.apply(stale);

    assertThat(result.applied())
        .extracting(Change::action)
        .containsExactly(Change.Action.ADD_CORS_RULE);
    B2Bucket b = bucket();
    assertThat(b.corsRules())
        .extracting(r -> r.get("corsRuleName"))
        .containsExactly("stowage-share-all-https");
    assertThat(b.lifecycleRules())
        .singleElement()
        .satisfies(r -> assertThat(r).containsEntry("daysFromHidingToDeleting", 30));
  }

  @Test
  void plan_objectLockOnExistingBucket_reportsConflictWithoutChange() {
    setup.run(BucketSpec.builder(BUCKET).build());

    Plan plan = setup.plan(BucketSpec.builder(BUCKET).objectLock(true).build());

    assertThat(plan.hasChanges()).isFalse();
    assertThat(plan.conflicts())
        .singleElement()
        .satisfies(
            c -> assertThat(c.detail()).contains("only be enabled when the bucket is created"));
  }

  @Test
  void run_objectLockAndEncryptionAtCreation_areReadBack() {
    BucketSpec spec =
        BucketSpec.builder(BUCKET).objectLock(true).encryption(Encryption.SSE_B2).build();
    setup.run(spec);

    Plan again = setup.plan(spec);

    assertThat(again.conflicts()).isEmpty();
    assertThat(again.hasChanges()).isFalse();
    assertThat(again.changes())
        .extracting(Change::subject)
        .contains("bucket.objectLock", "bucket.encryption");
    Plan off = setup.plan(spec.toBuilder().encryption(Encryption.NONE).build());
    assertThat(off.mutations())
        .extracting(Change::action)
        .containsExactly(Change.Action.SET_ENCRYPTION);
  }

  @Test
  void plan_keyNameTakenWithOtherRestrictions_reportsConflictAndCreatesNothing() {
    setup.run(guideSpec());
    BucketSpec other =
        BucketSpec.builder(BUCKET).key(KeySpec.of("my-app-key", List.of("readFiles"))).build();

    Plan plan = setup.plan(other);
    SetupResult result = setup.apply(plan);

    assertThat(plan.conflicts())
        .singleElement()
        .satisfies(c -> assertThat(c.detail()).contains("not recreated"));
    assertThat(result.createdKeys()).isEmpty();
    assertThat(admin.listKeys(null, 100).keys())
        .filteredOn(k -> k.keyName().equals("my-app-key"))
        .hasSize(1);
  }

  @Test
  void plan_lifecyclePrefixOverlapsKeptRule_throwsInvalidSpec() {
    setup.run(BucketSpec.builder(BUCKET).lifecyclePreset("keep-only-last-version").build());

    assertThatThrownBy(
            () ->
                setup.plan(
                    BucketSpec.builder(BUCKET)
                        .lifecyclePreset("keep-prior-versions:5@logs/")
                        .build()))
        .isInstanceOf(InvalidSpecException.class)
        .hasMessageContaining("lifecycleRules[0].fileNamePrefix")
        .hasMessageContaining("overlaps the bucket's existing rule");
  }

  @Test
  void plan_badCredentials_throwsSetupExceptionWithoutSecret() {
    try (B2BucketSetup bad =
        B2BucketSetup.builder()
            .endpoint(URI.create(emulator.url()))
            .credentials(emulator.keyId(), "wrong-secret-value")
            .build()) {
      assertThatThrownBy(() -> bad.plan(BucketSpec.builder(BUCKET).build()))
          .isInstanceOf(SetupException.class)
          .satisfies(e -> assertThat(((SetupException) e).status()).isEqualTo(401))
          .message()
          .doesNotContain("wrong-secret-value");
    }
  }

  @Test
  void result_toString_masksTheSecret() {
    SetupResult result = setup.run(guideSpec());
    String secret = result.createdKeys().get(0).applicationKey();

    assertThat(result.toString()).doesNotContain(secret).contains("not shown");
    assertThat(result.createdKeys().get(0).toString()).doesNotContain(secret);
    assertThat(setup.plan(guideSpec()).toString()).doesNotContain(secret);
  }

  @Test
  void plan_freshBucket_listsEveryChange() {
    Plan plan = setup.plan(guideSpec());

    assertThat(plan.mutations())
        .extracting(Change::action)
        .containsExactly(
            Change.Action.CREATE_BUCKET,
            Change.Action.ADD_CORS_RULE,
            Change.Action.ADD_LIFECYCLE_RULE,
            Change.Action.CREATE_KEY);
    assertThat(admin.listBuckets(null, BUCKET)).isEmpty();
    assertThat(plan.toString())
        .contains("+ CREATE_BUCKET bucket", "corsRules['stowage-share-all-https']");
  }
}
