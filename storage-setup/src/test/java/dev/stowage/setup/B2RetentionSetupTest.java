package dev.stowage.setup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stowage.b2.client.B2DefaultRetention;
import dev.stowage.testing.B2EmulatorExtension;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Default retention (Object Lock) through the setup, against the emulator: set, read back, re-run, refuse. */
@Timeout(60)
class B2RetentionSetupTest {
  @RegisterExtension static final B2EmulatorExtension B2 = B2EmulatorExtension.builder().perTest();

  private EmulatorFixture fixture;

  @BeforeEach
  void start() {
    fixture = new EmulatorFixture(B2.emulator());
  }

  @AfterEach
  void stop() {
    fixture.close();
  }

  private Map<String, Object> retentionOnBucket(String name) {
    return fixture
        .admin
        .listBuckets(null, name)
        .get(0)
        .fileLockConfiguration()
        .readable()
        .orElseThrow()
        .defaultRetention();
  }

  @Test
  void run_newLockedBucketWithRetention_setsItAndSecondRunPlansNothing() {
    BucketSpec spec =
        BucketSpec.builder("retained-bucket")
            .objectLock(true)
            .retention(Retention.parse("governance:30d"))
            .build();
    Plan first = fixture.setup.plan(spec);
    assertThat(first.mutations())
        .extracting(Change::action)
        .containsExactly(Change.Action.CREATE_BUCKET, Change.Action.SET_RETENTION);
    fixture.setup.apply(first);
    assertThat(B2DefaultRetention.fromJson(retentionOnBucket("retained-bucket")))
        .isEqualTo(new B2DefaultRetention("governance", 30, "days"));
    Plan second = fixture.setup.plan(spec);
    assertThat(second.mutations()).isEmpty();
    assertThat(second.changes())
        .anySatisfy(
            c -> {
              assertThat(c.subject()).isEqualTo("bucket.retention");
              assertThat(c.action()).isEqualTo(Change.Action.UNCHANGED);
            });
  }

  @Test
  void run_changedRetention_updatesExistingLockedBucket() {
    fixture.setup.run(
        BucketSpec.builder("retained-bucket")
            .objectLock(true)
            .retention(Retention.parse("governance:30d"))
            .build());
    Plan change =
        fixture.setup.plan(
            BucketSpec.builder("retained-bucket")
                .retention(Retention.parse("compliance:2y"))
                .build());
    assertThat(change.mutations())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.action()).isEqualTo(Change.Action.SET_RETENTION);
              assertThat(c.detail()).isEqualTo("governance:30d -> compliance:2y");
            });
    fixture.setup.apply(change);
    assertThat(B2DefaultRetention.fromJson(retentionOnBucket("retained-bucket")))
        .isEqualTo(new B2DefaultRetention("compliance", 2, "years"));
  }

  @Test
  void plan_retentionWithoutObjectLock_refusedNamingTheField() {
    assertThatThrownBy(
            () ->
                fixture.setup.plan(
                    BucketSpec.builder("unlocked-bucket")
                        .retention(Retention.parse("governance:1d"))
                        .build()))
        .isInstanceOf(InvalidSpecException.class)
        .hasMessageContaining("retention")
        .hasMessageContaining("object lock");
    fixture.setup.run(BucketSpec.builder("unlocked-bucket").build());
    assertThatThrownBy(
            () ->
                fixture.setup.plan(
                    BucketSpec.builder("unlocked-bucket")
                        .retention(Retention.parse("governance:1d"))
                        .build()))
        .isInstanceOf(InvalidSpecException.class)
        .hasMessageContaining("has no object lock");
  }

  @Test
  void parse_badValues_failNamingTheProblem() {
    assertThat(Retention.parse("Compliance:7D")).isEqualTo(new Retention("compliance", 7, "days"));
    assertThat(Retention.parse("governance:1y").label()).isEqualTo("governance:1y");
    for (String bad :
        new String[] {
          "governance",
          "forever:30d",
          "governance:30w",
          "governance:0d",
          "governance:-1d",
          "",
          "governance:30"
        }) {
      assertThatThrownBy(() -> Retention.parse(bad))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("retention");
    }
    assertThatThrownBy(
            () -> BucketSpec.fromJson("{\"name\":\"retained-bucket\",\"retention\":\"gov:1d\"}"))
        .isInstanceOf(InvalidSpecException.class)
        .hasMessageContaining("retention");
    BucketSpec read =
        BucketSpec.fromJson(
            "{\"name\":\"retained-bucket\",\"objectLock\":true,"
                + "\"retention\":\"compliance:3d\"}");
    assertThat(read.retention()).isEqualTo(new Retention("compliance", 3, "days"));
    assertThat(BucketSpec.fromJson(read.toJson())).isEqualTo(read);
  }
}
