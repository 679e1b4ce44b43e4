package dev.stowage.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The metadata IDEs complete {@code stowage.*} properties from: every property described. */
class ConfigurationMetadataTest {

  @Test
  void metadata_describesEveryPropertyAndHintsTheSettingNames() throws Exception {
    JsonNode root;
    try (InputStream in =
        getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
      assertThat(in).as("generated metadata").isNotNull();
      root = new ObjectMapper().readTree(in);
    }
    Map<String, JsonNode> properties = new HashMap<>();
    root.get("properties").forEach(p -> properties.put(p.get("name").asText(), p));
    assertThat(properties)
        .containsKeys(
            "stowage.uri",
            "stowage.settings",
            "stowage.defaults",
            "stowage.mounts",
            "stowage.health.timeout",
            "stowage.observation.enabled",
            "management.health.stowage.enabled");
    properties.forEach(
        (name, p) ->
            assertThat(p.path("description").asText()).as("description of " + name).isNotBlank());
    assertThat(properties.get("stowage.health.timeout").path("defaultValue").asText())
        .isEqualTo("5s");

    Map<String, JsonNode> hints = new HashMap<>();
    root.get("hints").forEach(h -> hints.put(h.get("name").asText(), h));
    assertThat(hints.get("stowage.settings.keys").get("values").findValuesAsText("value"))
        .contains("endpoint", "keyId", "applicationKey", "accessKey", "secretKey");
  }
}
