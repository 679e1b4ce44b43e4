package dev.stowage.b2.emulator;

import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** File info rules: at most 10 entries, names stored lowercased, the five {@code b2-*} names with valid values. */
final class FileInfos {
  static final Map<String, String> B2_HEADERS =
      Map.of(
          "b2-content-disposition", "Content-Disposition",
          "b2-content-language", "Content-Language",
          "b2-expires", "Expires",
          "b2-cache-control", "Cache-Control",
          "b2-content-encoding", "Content-Encoding");
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9\\-_.`~!#$%^&*'|+]{1,50}");
  private static final Set<String> DISPOSITION_TYPES = Set.of("inline", "attachment");
  private static final int HEADER_BUDGET = 7000;

  private FileInfos() {}

  /** Validates the infos and returns them with lowercased names; {@code fileName} counts toward the budget. */
  static Map<String, String> check(Map<String, String> infos, String fileName) {
    if (infos.size() > 10) {
      throw B2Error.BAD_REQUEST.exception(
          "too many file info entries: " + infos.size() + " (at most 10)");
    }
    Map<String, String> out = new LinkedHashMap<>();
    int budget = fileName.getBytes(StandardCharsets.UTF_8).length;
    for (Map.Entry<String, String> e : infos.entrySet()) {
      String name = e.getKey().toLowerCase(Locale.ROOT);
      if (!NAME.matcher(name).matches()) {
        throw B2Error.BAD_REQUEST.exception("invalid file info name: " + e.getKey());
      }
      if (name.startsWith("b2-")) {
        checkB2Info(name, e.getValue());
      }
      budget += name.length() + "X-Bz-Info-".length() + Names.encode(e.getValue()).length();
      out.put(name, e.getValue());
    }
    if (budget > HEADER_BUDGET) {
      throw B2Error.BAD_REQUEST.exception(
          "file name and file info exceed " + HEADER_BUDGET + " bytes");
    }
    return out;
  }

  private static void checkB2Info(String name, String value) {
    if (!B2_HEADERS.containsKey(name)) {
      throw B2Error.BAD_REQUEST.exception("unknown reserved file info name " + name);
    }
    if (value.isBlank()) {
      throw B2Error.BAD_REQUEST.exception(name + " must not be empty");
    }
    if (name.equals("b2-content-disposition")) {
      String type = value.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
      if (!DISPOSITION_TYPES.contains(type) && !type.matches("[a-z0-9!#$&^_.+-]+")) {
        throw B2Error.BAD_REQUEST.exception("invalid b2-content-disposition: " + value);
      }
    } else if (name.equals("b2-expires")) {
      try {
        ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
      } catch (DateTimeParseException e) {
        throw B2Error.BAD_REQUEST.exception("b2-expires must be an RFC 1123 date: " + value);
      }
    }
    for (int i = 0; i < value.length(); i++) {
      if (value.charAt(i) < 32 || value.charAt(i) > 126) {
        throw B2Error.BAD_REQUEST.exception(name + " must be printable ASCII");
      }
    }
  }
}
