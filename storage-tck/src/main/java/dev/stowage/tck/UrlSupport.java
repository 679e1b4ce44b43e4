package dev.stowage.tck;

import dev.stowage.Capability;
import dev.stowage.Visibility;
import dev.stowage.WriteOptions;

/** Helpers for {@link UrlContract}. */
final class UrlSupport {

  private UrlSupport() {}

  /** Returns options that make a file private where visibility is per object, else the defaults. */
  static WriteOptions privateOptions(KitFixture kit) {
    return kit.has(Capability.VISIBILITY_PER_OBJECT)
        ? WriteOptions.builder().visibility(Visibility.PRIVATE).build() : WriteOptions.DEFAULT;
  }
}
