package dev.stowage.b2.client;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Optional;

/**
 * A bucket setting that B2 shows only to keys holding the matching read capability, in the
 * {@code {isClientAuthorizedToRead, value}} wrapper of bucket answers.
 *
 * @param <T> the setting's type
 * @param isClientAuthorizedToRead false when the key may not read the setting; {@code value} is then null
 * @param value the setting, or null
 */
public record B2Restricted<T>(
    @JsonProperty("isClientAuthorizedToRead") boolean isClientAuthorizedToRead,
    @JsonProperty("value") T value) {

  /** Returns the value when the key may read it and B2 sent one, else empty. */
  public Optional<T> readable() {
    return isClientAuthorizedToRead ? Optional.ofNullable(value) : Optional.empty();
  }
}
