package dev.stowage.tck;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Control over the time the backend (and the adapter) read, so that expiry cases run without
 * waiting: a fixture that can offer it returns one from {@link KitFixture#clockControl()}.
 *
 * <p>A B2 emulator with an injected clock implements it by setting its clock back while the URL
 * or ticket is issued; an S3 fixture by signing with a clock set back.
 */
public interface KitClock {

  /**
   * Runs {@code issue} (which asks the filesystem under test for a temporary URL or an upload
   * ticket) as if it happened {@code age} ago, and returns its result: the backend then sees what
   * was issued as {@code age} old. The clock reads the real time again when this returns.
   */
  <T> T issuedAgo(Duration age, Supplier<T> issue);

  /**
   * Returns whether a refused request says that its URL or ticket expired, as opposed to being
   * refused for any other reason. By default: status 400, 401 or 403 and a body that mentions
   * expiry ("expired", "expiry", "expires").
   */
  default boolean saysExpired(int status, byte[] body) {
    String text = new String(body, StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
    return (status == 400 || status == 401 || status == 403) && text.contains("expir");
  }
}
