package dev.stowage.tck.mutants;

import dev.stowage.Capabilities;
import dev.stowage.Capability;
import dev.stowage.spi.FilesystemAdapter;
import dev.stowage.spi.ForwardingAdapter;
import java.util.List;
import java.util.Optional;

/**
 * Mutant "claims a capability it does not honour": declares the first of {@link #CLAIMS} that the
 * real adapter lacks, and forwards every call unchanged, so the claimed feature fails or is a no-op.
 */
final class FalseCapability extends ForwardingAdapter {

  /** The capabilities the mutant may claim, in order of preference, each with the group that checks it. */
  static final List<Claim> CLAIMS =
      List.of(
          new Claim(Capability.TEMPORARY_URL, "urls"),
          new Claim(Capability.CREATE_ONLY, "write"),
          new Claim(Capability.VERSION_ID, "metadata"),
          new Claim(Capability.ETAG, "metadata"));

  /** A capability to claim and the kit group whose cases rely on it. */
  record Claim(Capability capability, String group) {}

  FalseCapability(FilesystemAdapter delegate) {
    super(delegate);
  }

  /** Returns what the mutant claims over an adapter with {@code real} capabilities, if anything. */
  static Optional<Claim> claimFor(Capabilities real) {
    return CLAIMS.stream().filter(c -> !real.has(c.capability())).findFirst();
  }

  @Override
  public Capabilities capabilities() {
    Capabilities real = super.capabilities();
    return claimFor(real).map(c -> real.toBuilder().add(c.capability()).build()).orElse(real);
  }
}
