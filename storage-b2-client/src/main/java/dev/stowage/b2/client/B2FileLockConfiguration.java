package dev.stowage.b2.client;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * A bucket's file-lock (object lock) settings, as bucket answers return them inside
 * {@code fileLockConfiguration.value}.
 *
 * @param isFileLockEnabled whether files may be locked; once on, it stays on
 * @param defaultRetention the default retention as a JSON object ({@code mode}:
 *     {@code governance}/{@code compliance}/null, {@code period}: {@code {duration, unit}} or null);
 *     empty when absent
 */
public record B2FileLockConfiguration(
    @JsonProperty("isFileLockEnabled") boolean isFileLockEnabled,
    @JsonProperty("defaultRetention") Map<String, Object> defaultRetention) {

  public B2FileLockConfiguration {
    defaultRetention = Values.map(defaultRetention);
  }
}
