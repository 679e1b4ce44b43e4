package dev.stowage.b2.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The fields of a JSON call, from a POST body or from GET query parameters. An explicit {@code null} counts as
 * absent (clients send nulls for unset optional fields). Missing required or malformed fields answer 400
 * {@code bad_request}.
 */
final class Params {
  private final ObjectNode node;

  Params(ObjectNode node) {
    this.node = node;
  }

  static Params ofQuery(Map<String, String> query) {
    ObjectNode node = Json.object();
    query.forEach(node::put);
    return new Params(node);
  }

  @Nullable JsonNode get(String name) {
    JsonNode v = node.get(name);
    return v == null || v.isNull() ? null : v;
  }

  boolean has(String name) {
    return get(name) != null;
  }

  String string(String name) {
    String v = optString(name);
    if (v == null) {
      throw B2Error.BAD_REQUEST.exception("required field " + name + " is missing");
    }
    return v;
  }

  @Nullable String optString(String name) {
    JsonNode v = get(name);
    if (v == null) {
      return null;
    }
    if (!v.isTextual()) {
      throw B2Error.BAD_REQUEST.exception("field " + name + " must be a string");
    }
    return v.asText();
  }

  @Nullable Long optLong(String name) {
    JsonNode v = get(name);
    if (v == null) {
      return null;
    }
    if (v.isIntegralNumber() && v.canConvertToLong()) {
      return v.asLong();
    }
    if (v.isTextual()) {
      try {
        return Long.parseLong(v.asText().trim());
      } catch (NumberFormatException e) {
        // fall through to the error below
      }
    }
    throw B2Error.BAD_REQUEST.exception("field " + name + " must be an integer");
  }

  long longValue(String name) {
    Long v = optLong(name);
    if (v == null) {
      throw B2Error.BAD_REQUEST.exception("required field " + name + " is missing");
    }
    return v;
  }

  @Nullable Boolean optBoolean(String name) {
    JsonNode v = get(name);
    if (v == null) {
      return null;
    }
    if (v.isBoolean()) {
      return v.asBoolean();
    }
    if (v.isTextual() && (v.asText().equals("true") || v.asText().equals("false"))) {
      return Boolean.parseBoolean(v.asText());
    }
    throw B2Error.BAD_REQUEST.exception("field " + name + " must be a boolean");
  }

  @Nullable List<String> optStrings(String name) {
    JsonNode v = get(name);
    if (v == null) {
      return null;
    }
    if (v.isTextual()) {
      return List.of(v.asText().split(","));
    }
    if (!v.isArray()) {
      throw B2Error.BAD_REQUEST.exception("field " + name + " must be a list of strings");
    }
    List<String> out = new ArrayList<>();
    for (JsonNode e : v) {
      if (!e.isTextual()) {
        throw B2Error.BAD_REQUEST.exception("field " + name + " must be a list of strings");
      }
      out.add(e.asText());
    }
    return out;
  }

  @Nullable Map<String, String> optStringMap(String name) {
    JsonNode v = get(name);
    if (v == null) {
      return null;
    }
    if (!v.isObject()) {
      throw B2Error.BAD_REQUEST.exception("field " + name + " must be an object");
    }
    Map<String, String> out = new LinkedHashMap<>();
    var names = v.fieldNames();
    while (names.hasNext()) {
      String key = names.next();
      JsonNode value = v.get(key);
      if (!value.isTextual()) {
        throw B2Error.BAD_REQUEST.exception("values of " + name + " must be strings");
      }
      out.put(key, value.asText());
    }
    return out;
  }

  @Nullable List<JsonNode> optList(String name) {
    JsonNode v = get(name);
    if (v == null) {
      return null;
    }
    if (!v.isArray()) {
      throw B2Error.BAD_REQUEST.exception("field " + name + " must be a list");
    }
    List<JsonNode> out = new ArrayList<>();
    v.forEach(out::add);
    return out;
  }
}
