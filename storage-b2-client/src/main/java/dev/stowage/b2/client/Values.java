package dev.stowage.b2.client;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Defensive copies that, unlike {@code List.copyOf}, accept null elements coming from JSON. */
final class Values {
  private Values() {}

  static <K, V> Map<K, V> map(Map<K, V> in) {
    return in == null || in.isEmpty()
        ? Map.of()
        : Collections.unmodifiableMap(new LinkedHashMap<>(in));
  }

  static <T> List<T> list(List<T> in) {
    return in == null || in.isEmpty()
        ? List.of()
        : Collections.unmodifiableList(new ArrayList<>(in));
  }
}
