package dev.stowage.spring;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** How setting names from Spring properties become provider settings, and which of them are secret. */
final class SettingNames {

  /** Names that carry credentials: every provider's keys and secrets, tokens and passwords. */
  private static final Pattern SECRET =
      Pattern.compile(
          ".*(key|secret|token|password|credential|passphrase).*", Pattern.CASE_INSENSITIVE);

  static final String REDACTED = "******";

  private SettingNames() {}

  /**
   * Returns the provider's spelling of a setting name: kebab-case ({@code application-key}), the
   * Spring convention, becomes camelCase ({@code applicationKey}); camelCase stays as it is.
   */
  static String canonical(String name) {
    if (name.indexOf('-') < 0) {
      return name;
    }
    StringBuilder b = new StringBuilder(name.length());
    boolean upper = false;
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c == '-') {
        upper = b.length() > 0;
      } else {
        b.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      }
    }
    return b.toString();
  }

  /** Returns the settings with canonical names; two spellings of one name are refused. */
  static Map<String, String> canonical(Map<String, String> settings, String where) {
    Map<String, String> out = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : settings.entrySet()) {
      String name = canonical(e.getKey());
      if (out.put(name, e.getValue() == null ? "" : e.getValue()) != null) {
        throw new IllegalArgumentException(
            where
                + "."
                + name
                + " is given twice (as "
                + name
                + " and in another spelling); keep one");
      }
    }
    return Collections.unmodifiableMap(out);
  }

  /** Returns whether the value of a setting of this name must never be shown. */
  static boolean isSecret(String name) {
    return SECRET.matcher(name.toLowerCase(Locale.ROOT)).matches();
  }

  /** Returns the settings as text with every secret value replaced by {@value #REDACTED}. */
  static String redacted(Map<String, String> settings) {
    StringBuilder b = new StringBuilder("{");
    for (Map.Entry<String, String> e : settings.entrySet()) {
      if (b.length() > 1) {
        b.append(", ");
      }
      b.append(e.getKey()).append('=').append(isSecret(e.getKey()) ? REDACTED : e.getValue());
    }
    return b.append('}').toString();
  }
}
