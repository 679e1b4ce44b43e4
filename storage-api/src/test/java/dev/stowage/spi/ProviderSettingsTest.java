package dev.stowage.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stowage.VisibilityMode;
import dev.stowage.spi.ProviderSettings.SizeUnits;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Unit tests of {@link ProviderSettings}: query parsing, credential refusal, typed getters. */
class ProviderSettingsTest {

  private static ProviderSettings one(String key, String value) {
    return ProviderSettings.of(Map.of(key, value));
  }

  // --- query(URI) ---

  @Test
  void query_percentEncodedPairs_areDecodedInOrder() {
    Map<String, String> q =
        ProviderSettings.query(
            URI.create("s3://b/p?endpoint=http%3A%2F%2Fh%3A9000&flag&a+b=c+d&&empty="));
    assertThat(q)
        .containsExactly(
            Map.entry("endpoint", "http://h:9000"),
            Map.entry("flag", ""),
            Map.entry("a b", "c d"),
            Map.entry("empty", ""));
  }

  @Test
  void query_opaqueUri_isRead() {
    assertThat(ProviderSettings.query(URI.create("memory:name?a=b&c=%2F")))
        .containsExactly(Map.entry("a", "b"), Map.entry("c", "/"));
    assertThat(ProviderSettings.query(URI.create("memory:name"))).isEmpty();
  }

  @Test
  void query_noQuery_isEmptyAndUnmodifiable() {
    Map<String, String> q = ProviderSettings.query(URI.create("file:///srv"));
    assertThat(q).isEmpty();
    assertThatThrownBy(() -> q.put("a", "b")).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void query_duplicateKey_isRefusedNamingTheKeyNotTheValues() {
    assertThatThrownBy(
            () -> ProviderSettings.query(URI.create("s3://b?region=first-v&region=second-v")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("region")
        .hasMessageContaining("given twice")
        .hasMessageNotContaining("first-v")
        .hasMessageNotContaining("second-v");
  }

  @Test
  void query_duplicateKeyAfterDecoding_isRefused() {
    assertThatThrownBy(() -> ProviderSettings.query(URI.create("s3://b?a=1&%61=2")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("given twice");
  }

  @Test
  void query_escapedPercent_isDecodedOnce() {
    assertThat(ProviderSettings.query(URI.create("s3://b?k=%25zz%2541")))
        .containsEntry("k", "%zz%41");
  }

  // java.net.URI refuses a malformed escape itself, so the decoder's own check is tested directly.
  @ParameterizedTest
  @ValueSource(strings = {"%zzhunter2", "hunter2%", "hunter2%4", "%G1hunter2"})
  void decode_badPercentEscape_isRefusedWithoutEchoingIt(String raw) {
    assertThatThrownBy(() -> ProviderSettings.decode(raw))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("invalid percent escape")
        .hasMessageNotContaining("hunter2");
  }

  @Test
  void query_valueWithoutKey_isRefused() {
    assertThatThrownBy(() -> ProviderSettings.query(URI.create("s3://b?=orphan")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("orphan");
  }

  // --- credentials ---

  @ParameterizedTest
  @ValueSource(
      strings = {
        "secretKey",
        "SECRET_ACCESS_KEY",
        "client-secret",
        "password",
        "dbPassword",
        "sessionToken",
        "token",
        "applicationKey",
        "application_key",
        "accessKey",
        "AccessKeyId",
        "keyId",
        "key.id"
      })
  void isCredentialKey_credentialNames_areRecognised(String key) {
    assertThat(ProviderSettings.isCredentialKey(key)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "endpoint",
        "region",
        "partSize",
        "keyPrefix",
        "publicUrlBase",
        "profile",
        "maxAttempts",
        "deleteMode",
        "testMode"
      })
  void isCredentialKey_ordinaryNames_areNot(String key) {
    assertThat(ProviderSettings.isCredentialKey(key)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "s3://b?secretAccessKey=topsecret",
        "b2://bkt/p?applicationKey=topsecret",
        "b2://bkt?keyId=topsecret",
        "s3://b?x=1&sessionToken=topsecret",
        "memory:n?password=topsecret",
        "s3://b?access%5Fkey=topsecret"
      })
  void of_credentialKeyInQuery_isRefusedNamingTheKeyNotTheValue(String uri) {
    assertThatThrownBy(() -> ProviderSettings.of(URI.create(uri), Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("credentials must not be put in a URI")
        .hasMessageNotContaining("topsecret");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "s3://AKIAEXAMPLE:wJalrXUtnFEMI@bucket/prefix",
        "b2://AKIAEXAMPLE@bucket",
        "b2://AKIAEXAMPLE:wJal/rXUtnFEMI@bucket",
        "s3://AKIAEXAMPLE:wJalrXUtnFEMI@/x"
      })
  void of_userInformation_isRefusedWithoutEchoingIt(String uri) {
    assertThatThrownBy(() -> ProviderSettings.of(URI.create(uri), Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("credentials")
        .hasMessageNotContaining("AKIAEXAMPLE")
        .hasMessageNotContaining("wJal");
  }

  @Test
  void of_credentialsInTheSettingsMap_areAccepted() {
    ProviderSettings s =
        ProviderSettings.of(
            URI.create("s3://b?region=x"), Map.of("accessKey", "AKID", "secretKey", "hunter2"));
    assertThat(s.string("secretKey")).isEqualTo("hunter2");
    assertThat(s.toString()).contains("region=x").doesNotContain("hunter2").doesNotContain("AKID");
  }

  // --- merging ---

  @Test
  void of_settingsWinOverTheQueryAndQueryKeysComeFirst() {
    Map<String, String> settings = new HashMap<>();
    settings.put("b", "from-settings");
    settings.put("nothing", null);
    ProviderSettings s = ProviderSettings.of(URI.create("s3://bkt?a=1&b=from-query"), settings);
    assertThat(s.string("b")).isEqualTo("from-settings");
    assertThat(s.string("nothing")).isEmpty();
    assertThat(List.copyOf(s.keys()).subList(0, 2)).containsExactly("a", "b");
    assertThat(s.asMap()).containsEntry("a", "1").hasSize(3);
    assertThatThrownBy(() -> s.asMap().put("c", "d"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void of_nullSettings_countAsEmpty() {
    assertThat(ProviderSettings.of(URI.create("s3://b?a=1"), null).asMap())
        .containsExactly(Map.entry("a", "1"));
    assertThat(ProviderSettings.of(null).keys()).isEmpty();
  }

  @Test
  void of_laterChangesToTheSettingsMap_areNotSeen() {
    Map<String, String> settings = new HashMap<>(Map.of("a", "1"));
    ProviderSettings s = ProviderSettings.of(settings);
    settings.put("a", "2");
    assertThat(s.string("a")).isEqualTo("1");
  }

  @Test
  void requireOnly_unknownKey_isNamedWithTheKnownOnes() {
    ProviderSettings s = ProviderSettings.of(Map.of("endpoint", "x", "colour", "red"));
    assertThatThrownBy(() -> s.requireOnly(Set.of("endpoint", "region"), "s3"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("colour: unknown s3 setting (known: [endpoint, region])");
    ProviderSettings.of(Map.of("region", "x")).requireOnly(Set.of("endpoint", "region"), "s3");
  }

  // --- typed getters ---

  @Test
  void string_absent_isRequiredOrDefaulted() {
    ProviderSettings s = ProviderSettings.of(Map.of("a", " spaced "));
    assertThat(s.string("a")).isEqualTo(" spaced ");
    assertThat(s.string("b", "dflt")).isEqualTo("dflt");
    assertThat(s.has("b")).isFalse();
    assertThatThrownBy(() -> s.string("b"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("b is required");
  }

  @Test
  void intAndLong_validValues_areParsedTrimmed() {
    assertThat(one("n", " 42 ").intValue("n")).isEqualTo(42);
    assertThat(one("n", "-7").intValue("n")).isEqualTo(-7);
    assertThat(one("n", "9000000000").longValue("n")).isEqualTo(9_000_000_000L);
    assertThat(ProviderSettings.of(Map.of()).intValue("n", 5)).isEqualTo(5);
    assertThat(ProviderSettings.of(Map.of()).longValue("n", 6L)).isEqualTo(6L);
  }

  @ParameterizedTest
  @ValueSource(strings = {"many", "", "1.5", "0x10", "2147483648", "12abc"})
  void intValue_badNumber_namesTheKeyAndValue(String value) {
    assertThatThrownBy(() -> one("concurrency", value).intValue("concurrency"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("concurrency must be an integer, not '" + value.trim() + "'");
  }

  @Test
  void longValue_overflow_isRefused() {
    assertThatThrownBy(() -> one("n", "99999999999999999999").longValue("n", 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("n must be an integer");
  }

  @ParameterizedTest
  @CsvSource({
    "512, BINARY, 512",
    "512b, DECIMAL, 512",
    "4k, BINARY, 4096",
    "4k, DECIMAL, 4000",
    "5KiB, DECIMAL, 5120",
    "5Ki, BINARY, 5120",
    "16m, BINARY, 16777216",
    "100M, DECIMAL, 100000000",
    "16Mi, DECIMAL, 16777216",
    "2 GB, BINARY, 2147483648",
    "2GB, DECIMAL, 2000000000",
    "1g, BINARY, 1073741824",
    "1T, DECIMAL, 1000000000000",
    "1TiB, DECIMAL, 1099511627776",
    "' 7 kb ', BINARY, 7168"
  })
  void size_unitsPerConvention_areApplied(String value, SizeUnits units, long bytes) {
    assertThat(one("partSize", value).size("partSize", units)).isEqualTo(bytes);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "lots",
        "",
        "-5",
        "5x",
        "5ib",
        "1.5M",
        "M",
        "5 M B",
        "99999999999999999999",
        "9000000000G",
        "16777216E"
      })
  void size_badValue_namesTheKey(String value) {
    assertThatThrownBy(() -> one("partSize", value).size("partSize", SizeUnits.BINARY))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("partSize must be a size");
  }

  @Test
  void size_absent_usesTheDefault() {
    assertThat(ProviderSettings.of(Map.of()).size("partSize", SizeUnits.DECIMAL, 99)).isEqualTo(99);
  }

  @ParameterizedTest
  @CsvSource({"true, true", "FALSE, false", "' True ', true", "false, false"})
  void bool_trueOrFalseInAnyCase_isParsed(String value, boolean expected) {
    assertThat(one("fsync", value).bool("fsync")).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"yes", "", "1", "on", "truthy"})
  void bool_otherValues_areRefusedNamingTheKey(String value) {
    assertThatThrownBy(() -> one("fsync", value).bool("fsync", true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("fsync must be true or false, not '" + value + "'");
  }

  @Test
  void bool_absent_usesTheDefault() {
    assertThat(ProviderSettings.of(Map.of()).bool("fsync", true)).isTrue();
  }

  @ParameterizedTest
  @CsvSource({
    "1500, PT1.5S",
    "250ms, PT0.25S",
    "30s, PT30S",
    "5m, PT5M",
    "2h, PT2H",
    "1d, PT24H",
    "PT1M30S, PT1M30S",
    "' 10 ', PT0.01S",
    "0, PT0S"
  })
  void duration_numbersUnitsAndIso_areParsed(String value, Duration expected) {
    assertThat(one("retryBaseDelay", value).duration("retryBaseDelay")).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "soon",
        "",
        "-5",
        "-PT1S",
        "5w",
        "1.5s",
        "99999999999999999999",
        "9999999999999999d"
      })
  void duration_badValue_namesTheKey(String value) {
    assertThatThrownBy(() -> one("retryBaseDelay", value).duration("retryBaseDelay"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("retryBaseDelay must be a duration");
  }

  @Test
  void duration_absent_usesTheDefault() {
    assertThat(ProviderSettings.of(Map.of()).duration("d", Duration.ofSeconds(3)))
        .isEqualTo(Duration.ofSeconds(3));
  }

  @ParameterizedTest
  @ValueSource(strings = {"per-object", "PER_OBJECT", "perObject", " per_object "})
  void enumValue_spellingsOfAConstant_areMatched(String value) {
    assertThat(one("visibility", value).enumValue("visibility", VisibilityMode.class))
        .isEqualTo(VisibilityMode.PER_OBJECT);
  }

  @Test
  void enumValue_unknownName_listsTheConstants() {
    assertThatThrownBy(
            () -> one("visibility", "sometimes").enumValue("visibility", VisibilityMode.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("visibility must be one of [per-object, bucket-level, none], not 'sometimes'");
    assertThat(
            ProviderSettings.of(Map.of())
                .enumValue("visibility", VisibilityMode.class, VisibilityMode.NONE))
        .isEqualTo(VisibilityMode.NONE);
  }

  @Test
  void invalid_credentialKey_neverEchoesTheValue() {
    ProviderSettings s = one("applicationKey", "K005-very-secret");
    assertThatThrownBy(() -> s.intValue("applicationKey"))
        .hasMessageStartingWith("applicationKey must be")
        .hasMessageNotContaining("very-secret");
    assertThat(s.invalid("applicationKey", "valid").getMessage()).doesNotContain("very-secret");
  }

  @Test
  void invalid_longValue_isCut() {
    String value = "x".repeat(10_000);
    String message = one("endpoint", value).invalid("endpoint", "a URL").getMessage();
    assertThat(message).startsWith("endpoint must be a URL, not 'xxx").hasSizeLessThan(200);
  }
}
