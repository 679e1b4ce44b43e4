package dev.stowage.b2.emulator;

import java.time.Clock;

/** What every handler shares: metadata, tokens, limits, the clock and the emulator's base URL. */
record Context(Catalog catalog, Tokens tokens, Limits limits, Clock clock, String baseUrl) {

  String accountId() {
    return catalog.account().accountId();
  }

  long now() {
    return clock.millis();
  }

  /** Returns the bucket or answers 400 bad_bucket_id. */
  Bucket bucket(String bucketId) {
    Bucket b = catalog.bucket(bucketId);
    if (b == null) {
      throw B2Error.BAD_BUCKET_ID.exception("Bucket " + bucketId + " does not exist");
    }
    return b;
  }
}
