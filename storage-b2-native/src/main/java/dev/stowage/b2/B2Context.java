package dev.stowage.b2;

import dev.stowage.StorageException;
import dev.stowage.Visibility;
import dev.stowage.b2.client.B2Client;
import dev.stowage.spi.BackendException;
import java.time.Clock;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** What the adapter's parts share: the client, the bucket, the configuration, retries and upload URLs. */
final class B2Context {
  private static final Pattern CONTENT_TYPE =
      Pattern.compile(
          "[!#$%&'*+.^_`|~0-9A-Za-z-]+/[!#$%&'*+.^_`|~0-9A-Za-z-]+(\\s*;[^\\p{Cntrl}]*)?");

  final B2Client client;
  final BucketRef bucket;
  final B2Config config;
  final Retries retries;
  final UploadUrlPool uploadUrls;
  final Clock clock;
  private volatile @Nullable Sizes sizes;

  B2Context(B2Client client, B2Config config, Retries retries, Clock clock) {
    this.client = client;
    this.config = config;
    this.retries = retries;
    this.clock = clock;
    this.bucket = new BucketRef(client, config.bucket(), config.prefix());
    this.uploadUrls =
        new UploadUrlPool(
            () -> client.getUploadUrl(bucket.id()), clock, Math.max(4, config.concurrency()));
  }

  /** Returns the sizes in force, authorising first if needed (with retries). */
  Sizes sizes() {
    Sizes s = sizes;
    if (s == null) {
      s = retries.call(() -> Sizes.of(config, client.authorization()));
      sizes = s;
    }
    return s;
  }

  /** Returns the sizes in force if the account is already known, else null (no network call). */
  @Nullable Sizes knownSizes() {
    return sizes;
  }

  /** Returns the bucket-level visibility, looking the bucket up first if needed (with retries). */
  Visibility visibility() {
    return retries.call(bucket::visibility);
  }

  /**
   * Fails with INVALID_INPUT unless {@code type} is null or a {@code type/subtype} media type
   * (parameters allowed) without control characters.
   */
  static void checkContentType(@Nullable String type) {
    if (type != null && !CONTENT_TYPE.matcher(type).matches()) {
      throw BackendException.of(
          StorageException.Kind.INVALID_INPUT,
          "not a media type: '" + type.replaceAll("\\p{Cntrl}", "?") + "'");
    }
  }

  /** Fails with UNSUPPORTED when {@code wanted} is set and differs from the bucket's visibility. */
  void checkVisibility(@Nullable Visibility wanted) {
    if (wanted != null) {
      Visibility actual = visibility();
      if (wanted != actual) {
        throw BackendException.of(
            StorageException.Kind.UNSUPPORTED,
            "B2 visibility is set per bucket, and bucket "
                + bucket.name()
                + " is "
                + actual.name().toLowerCase(Locale.ROOT));
      }
    }
  }
}
