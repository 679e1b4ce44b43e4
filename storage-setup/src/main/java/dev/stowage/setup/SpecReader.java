package dev.stowage.setup;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** Reads and writes spec files (JSON or YAML) through one document shape, {@link Document}. */
final class SpecReader {
  private static final ObjectMapper JSON = configure(new ObjectMapper());
  private static final ObjectMapper YAML = configure(new ObjectMapper(new YAMLFactory()));

  /** The file shape: the spec's fields plus preset lists; enums as text so bad values become violations. */
  record Document(
      @Nullable String name,
      @Nullable String type,
      @Nullable String encryption,
      @Nullable Boolean objectLock,
      @Nullable List<LifecycleRule> lifecycleRules,
      @Nullable List<String> lifecyclePresets,
      @Nullable List<CorsRule> corsRules,
      @Nullable List<String> corsPresets,
      @Nullable String corsApis,
      @Nullable List<KeySpec> keys,
      @Nullable Boolean replace,
      @Nullable Boolean objectAcls,
      @Nullable String retention) {}

  private SpecReader() {}

  private static ObjectMapper configure(ObjectMapper mapper) {
    return mapper
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(SerializationFeature.INDENT_OUTPUT);
  }

  static BucketSpec read(Path file) throws IOException {
    String text = Files.readString(file);
    String name =
        file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
    return parse(text, !name.endsWith(".json"));
  }

  static BucketSpec parse(String text, boolean yaml) {
    if (text == null || text.isBlank()) {
      throw InvalidSpecException.of("(file)", "the spec is empty");
    }
    Document doc;
    try {
      doc = (yaml ? YAML : JSON).readValue(text, Document.class);
    } catch (UnrecognizedPropertyException e) {
      throw InvalidSpecException.of(
          path(e), "unknown field; known fields are " + e.getKnownPropertyIds());
    } catch (JsonMappingException e) {
      throw InvalidSpecException.of(path(e), "wrong type or shape: " + e.getOriginalMessage());
    } catch (JsonProcessingException e) {
      throw InvalidSpecException.of(
          "(file)", "not well-formed " + (yaml ? "YAML" : "JSON") + ": " + e.getOriginalMessage());
    }
    if (doc == null) {
      throw InvalidSpecException.of("(file)", "the spec is empty");
    }
    return toSpec(doc);
  }

  private static String path(JsonMappingException e) {
    StringBuilder sb = new StringBuilder();
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        if (sb.length() > 0) {
          sb.append('.');
        }
        sb.append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        sb.append('[').append(ref.getIndex()).append(']');
      }
    }
    return sb.length() == 0 ? "(file)" : sb.toString();
  }

  private static BucketSpec toSpec(Document doc) {
    List<Violation> violations = new ArrayList<>();
    BucketType type = null;
    Encryption encryption = null;
    CorsApis apis = CorsApis.BOTH;
    try {
      type = doc.type() == null ? null : BucketType.parse(doc.type());
    } catch (IllegalArgumentException e) {
      violations.add(
          new Violation("type", Objects.requireNonNullElse(e.getMessage(), "invalid value")));
    }
    try {
      encryption = doc.encryption() == null ? null : Encryption.parse(doc.encryption());
    } catch (IllegalArgumentException e) {
      violations.add(
          new Violation("encryption", Objects.requireNonNullElse(e.getMessage(), "invalid value")));
    }
    try {
      apis = doc.corsApis() == null ? CorsApis.BOTH : CorsApis.parse(doc.corsApis());
    } catch (IllegalArgumentException e) {
      violations.add(
          new Violation("corsApis", Objects.requireNonNullElse(e.getMessage(), "invalid value")));
    }
    List<LifecycleRule> lifecycle = new ArrayList<>(nonNull(doc.lifecycleRules()));
    try {
      if (doc.lifecyclePresets() != null) {
        lifecycle.addAll(Presets.lifecycle(doc.lifecyclePresets()));
      }
    } catch (InvalidSpecException e) {
      violations.addAll(e.violations());
    }
    List<CorsRule> cors = new ArrayList<>(nonNull(doc.corsRules()));
    List<String> corsPresets = nonNull(doc.corsPresets());
    for (int i = 0; i < corsPresets.size(); i++) {
      try {
        cors.add(Presets.cors(corsPresets.get(i), apis));
      } catch (InvalidSpecException e) {
        violations.add(new Violation("corsPresets[" + i + "]", e.violations().get(0).reason()));
      }
    }
    Retention retention = null;
    if (doc.retention() != null) {
      try {
        retention = Retention.parse(doc.retention());
      } catch (IllegalArgumentException e) {
        violations.add(
            new Violation(
                "retention", Objects.requireNonNullElse(e.getMessage(), "invalid value")));
      }
    }
    if (!violations.isEmpty()) {
      throw new InvalidSpecException(violations);
    }
    String name = doc.name() == null ? "" : doc.name();
    return new BucketSpec(
        name,
        type,
        encryption,
        Boolean.TRUE.equals(doc.objectLock()),
        lifecycle,
        cors,
        nonNull(doc.keys()),
        Boolean.TRUE.equals(doc.replace()),
        Boolean.TRUE.equals(doc.objectAcls()),
        retention);
  }

  private static <T> List<T> nonNull(@Nullable List<T> list) {
    return list == null ? List.of() : list;
  }

  static String write(BucketSpec spec) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("name", spec.name());
    if (spec.type() != null) {
      doc.put("type", spec.type().label());
    }
    if (spec.encryption() != null) {
      doc.put("encryption", spec.encryption().label());
    }
    doc.put("objectLock", spec.objectLock());
    doc.put("lifecycleRules", spec.lifecycleRules());
    doc.put("corsRules", spec.corsRules());
    doc.put("keys", spec.keys());
    doc.put("replace", spec.replace());
    doc.put("objectAcls", spec.objectAcls());
    if (spec.retention() != null) {
      doc.put("retention", spec.retention().label());
    }
    try {
      return JSON.writeValueAsString(doc);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write spec as JSON", e);
    }
  }
}
