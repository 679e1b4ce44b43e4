package dev.stowage.tck.mutants;

import dev.stowage.Capabilities;
import dev.stowage.Capability;
import dev.stowage.Filesystem;
import dev.stowage.spi.FilesystemAdapter;
import dev.stowage.spi.PrefixedAdapter;
import java.util.List;
import java.util.Optional;

/**
 * A deliberately broken adapter, and the kit groups that must catch it. Each mutant wraps a real
 * adapter of a {@link Backend}; the self-test runs the whole kit against it and requires the first
 * failing case to be in one of {@link #groups}.
 */
enum Mutant {
  DROPS_A_BYTE_ON_READ("drops a byte on read", "read") {
    @Override
    FilesystemAdapter decorate(FilesystemAdapter real) {
      return new DamagingReads(real, DamagingReads.Damage.DROP);
    }
  },
  FLIPS_A_BYTE_ON_READ("flips a byte on read", "read") {
    @Override
    FilesystemAdapter decorate(FilesystemAdapter real) {
      return new DamagingReads(real, DamagingReads.Damage.FLIP);
    }
  },
  TRUNCATES_ON_WRITE("truncates on write", "write") {
    @Override
    FilesystemAdapter decorate(FilesystemAdapter real) {
      return new TruncatingWrites(real);
    }
  },
  IGNORES_DELETE("ignores delete", "delete") {
    @Override
    FilesystemAdapter decorate(FilesystemAdapter real) {
      return new IgnoredDeletes(real);
    }
  },
  LISTS_A_DELETED_FILE("lists a deleted file", "list", "delete") {
    @Override
    FilesystemAdapter decorate(FilesystemAdapter real) {
      return new GhostListings(real);
    }
  },
  REPORTS_A_WRONG_SIZE("reports a wrong size", "metadata") {
    @Override
    FilesystemAdapter decorate(FilesystemAdapter real) {
      return new WrongSizes(real);
    }
  },
  REPORTS_A_WRONG_CHECKSUM("reports a wrong checksum", "checksums") {
    @Override
    FilesystemAdapter decorate(FilesystemAdapter real) {
      return new WrongChecksums(real);
    }
  },
  LETS_DOT_DOT_ESCAPE("lets .. escape", "paths", "hostile input") {
    @Override
    Filesystem open(Backend backend) {
      return EscapingView.over(Filesystem.of(backend.adapter()));
    }
  },
  WRITES_DESPITE_CREATE_ONLY("writes despite create-only", "write", "copy") {
    @Override
    FilesystemAdapter decorate(FilesystemAdapter real) {
      return new IgnoredCreateOnly(real);
    }

    @Override
    Optional<String> notApplicable(Backend backend, Capabilities real) {
      return real.has(Capability.CREATE_ONLY)
          ? Optional.empty()
          : Optional.of("the adapter does not declare CREATE_ONLY");
    }
  },
  LOSES_USER_METADATA("loses user metadata", "write", "copy") {
    @Override
    FilesystemAdapter decorate(FilesystemAdapter real) {
      return new LostUserMetadata(real);
    }

    @Override
    Optional<String> notApplicable(Backend backend, Capabilities real) {
      return real.has(Capability.USER_METADATA)
          ? Optional.empty()
          : Optional.of("the adapter does not declare USER_METADATA");
    }
  },
  CLAIMS_AN_UNHONOURED_CAPABILITY("claims a capability it does not honour") {
    @Override
    FilesystemAdapter decorate(FilesystemAdapter real) {
      return new FalseCapability(real);
    }

    @Override
    List<String> groups(Capabilities real) {
      return FalseCapability.claimFor(real).map(c -> List.of(c.group())).orElse(List.of());
    }

    @Override
    Optional<String> notApplicable(Backend backend, Capabilities real) {
      return FalseCapability.claimFor(real).isPresent()
          ? Optional.empty()
          : Optional.of("the adapter declares everything the mutant could claim");
    }

    @Override
    String label(Capabilities real) {
      return FalseCapability.claimFor(real).map(c -> "claims " + c.capability()).orElse("-");
    }
  },
  STORES_UNDER_ANOTHER_ROOT("stores under another root", "write", "copy", "move", "delete") {
    @Override
    String evidence() {
      return "seen without the adapter";
    }

    @Override
    FilesystemAdapter decorate(FilesystemAdapter real) {
      // Consistent in every call, as a misapplied prefix setting is: only a second path shows it.
      return new PrefixedAdapter(real, "misplaced");
    }

    @Override
    Optional<String> notApplicable(Backend backend, Capabilities real) {
      return backend.storedBytes() != null
          ? Optional.empty()
          : Optional.of("the backend has no path to its bytes but the adapter");
    }
  },
  LEAVES_MULTIPART_UPLOADS_BEHIND("leaves multipart uploads behind", "large objects") {
    @Override
    String evidence() {
      return "multipart uploads left pending";
    }

    @Override
    Filesystem open(Backend backend) {
      return Filesystem.of(backend.adapterThatNeverAborts());
    }

    @Override
    Optional<String> notApplicable(Backend backend, Capabilities real) {
      if (!real.has(Capability.MULTIPART)) {
        return Optional.of("the adapter does not declare MULTIPART");
      }
      return backend.canLeaveUploadsBehind()
          ? Optional.empty()
          : Optional.of("no call of the adapter's own aborts can be dropped from outside");
    }
  };

  private final String description;
  private final List<String> groups;

  Mutant(String description, String... groups) {
    this.description = description;
    this.groups = List.of(groups);
  }

  /** Returns what the mutant does wrong, as in the matrix. */
  String description() {
    return description;
  }

  /** Returns the kit groups that must catch the mutant over an adapter with {@code real} capabilities. */
  List<String> groups(Capabilities real) {
    return groups;
  }

  /** Returns a note on what the mutant did on this adapter, for the matrix; empty by default. */
  String label(Capabilities real) {
    return "";
  }

  /**
   * Returns text the first failure's message must contain, proving which check caught the mutant
   * (e.g. the pending-uploads hook rather than a listing); empty when any failure of the groups will do.
   */
  String evidence() {
    return "";
  }

  /** Returns why the mutant does not apply to {@code backend}, or empty when it does. */
  Optional<String> notApplicable(Backend backend, Capabilities real) {
    return Optional.empty();
  }

  /** Returns the broken adapter over {@code real}. */
  FilesystemAdapter decorate(FilesystemAdapter real) {
    return real;
  }

  /** Opens the broken filesystem over a fresh adapter of {@code backend}. */
  Filesystem open(Backend backend) {
    return Filesystem.of(decorate(backend.adapter()));
  }
}
