package dev.stowage.local;

import dev.stowage.Visibility;
import java.net.URI;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The settings of a {@link LocalAdapter}: where the root is and how files are written there.
 *
 * <pre>{@code
 * LocalConfig config = LocalConfig.builder(Path.of("/srv/data"))
 *     .symlinkPolicy(SymlinkPolicy.REFUSE)               // default SKIP
 *     .filePermissions(Visibility.PUBLIC, 0640)          // default 0644 (private 0600)
 *     .publicUrlBase(URI.create("https://cdn.example.com/data/"))
 *     .build();
 * Filesystem fs = Filesystem.of(LocalAdapter.of(config));
 * }</pre>
 *
 * <p>Every option may be set once per builder; a second call fails with
 * {@link IllegalStateException}, and a bad value fails at once with
 * {@link IllegalArgumentException}. Instances are immutable and thread-safe.
 */
public final class LocalConfig {

  private final Path root;
  private final boolean createRoot;
  private final SymlinkPolicy symlinkPolicy;
  private final int publicFileMode;
  private final int privateFileMode;
  private final int publicDirectoryMode;
  private final int privateDirectoryMode;
  private final Visibility directoryVisibility;
  private final @Nullable URI publicUrlBase;
  private final boolean extendedAttributes;
  private final boolean fsync;

  private LocalConfig(Builder b) {
    this.root = b.root;
    this.createRoot = b.createRoot;
    this.symlinkPolicy = b.symlinkPolicy;
    this.publicFileMode = b.publicFileMode;
    this.privateFileMode = b.privateFileMode;
    this.publicDirectoryMode = b.publicDirectoryMode;
    this.privateDirectoryMode = b.privateDirectoryMode;
    this.directoryVisibility = b.directoryVisibility;
    this.publicUrlBase = b.publicUrlBase;
    this.extendedAttributes = b.extendedAttributes;
    this.fsync = b.fsync;
  }

  /** Returns a builder for a root directory; relative paths are made absolute now. */
  public static Builder builder(Path root) {
    return new Builder(root);
  }

  /** Returns a configuration with every default for {@code root}. */
  public static LocalConfig of(Path root) {
    return builder(root).build();
  }

  /**
   * Returns a builder holding these settings; each option may be set once more on it.
   */
  public Builder toBuilder() {
    Builder b = new Builder(root);
    b.createRoot = createRoot;
    b.symlinkPolicy = symlinkPolicy;
    b.publicFileMode = publicFileMode;
    b.privateFileMode = privateFileMode;
    b.publicDirectoryMode = publicDirectoryMode;
    b.privateDirectoryMode = privateDirectoryMode;
    b.directoryVisibility = directoryVisibility;
    b.publicUrlBase = publicUrlBase;
    b.extendedAttributes = extendedAttributes;
    b.fsync = fsync;
    return b;
  }

  /** Returns the root directory, absolute and normalised (not yet resolved through links). */
  public Path root() {
    return root;
  }

  /** Returns whether a missing root is created when the adapter is built. */
  public boolean createRoot() {
    return createRoot;
  }

  /** Returns what happens when an operation meets a symbolic link. */
  public SymlinkPolicy symlinkPolicy() {
    return symlinkPolicy;
  }

  /** Returns the POSIX mode (e.g. {@code 0644}) of files with {@code visibility}. */
  public int filePermissions(Visibility visibility) {
    return Objects.requireNonNull(visibility, "visibility") == Visibility.PUBLIC
        ? publicFileMode
        : privateFileMode;
  }

  /** Returns the POSIX mode (e.g. {@code 0755}) of directories with {@code visibility}. */
  public int directoryPermissions(Visibility visibility) {
    return Objects.requireNonNull(visibility, "visibility") == Visibility.PUBLIC
        ? publicDirectoryMode
        : privateDirectoryMode;
  }

  /** Returns the visibility of directories that writes, copies and moves create on the way. */
  public Visibility directoryVisibility() {
    return directoryVisibility;
  }

  /** Returns the base of public URLs, ending with {@code /}, when one is configured. */
  public Optional<URI> publicUrlBase() {
    return Optional.ofNullable(publicUrlBase);
  }

  /** Returns whether metadata is kept in {@code user.*} extended attributes when they work. */
  public boolean extendedAttributes() {
    return extendedAttributes;
  }

  /** Returns whether writes are forced to the disk before they become visible. */
  public boolean fsync() {
    return fsync;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof LocalConfig)) {
      return false;
    }
    LocalConfig c = (LocalConfig) o;
    return root.equals(c.root)
        && createRoot == c.createRoot
        && symlinkPolicy == c.symlinkPolicy
        && publicFileMode == c.publicFileMode
        && privateFileMode == c.privateFileMode
        && publicDirectoryMode == c.publicDirectoryMode
        && privateDirectoryMode == c.privateDirectoryMode
        && directoryVisibility == c.directoryVisibility
        && Objects.equals(publicUrlBase, c.publicUrlBase)
        && extendedAttributes == c.extendedAttributes
        && fsync == c.fsync;
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        root,
        createRoot,
        symlinkPolicy,
        publicFileMode,
        privateFileMode,
        publicDirectoryMode,
        privateDirectoryMode,
        directoryVisibility,
        publicUrlBase,
        extendedAttributes,
        fsync);
  }

  @Override
  public String toString() {
    return "LocalConfig[root="
        + root
        + ", createRoot="
        + createRoot
        + ", symlinkPolicy="
        + symlinkPolicy
        + ", files="
        + octal(publicFileMode)
        + "/"
        + octal(privateFileMode)
        + ", directories="
        + octal(publicDirectoryMode)
        + "/"
        + octal(privateDirectoryMode)
        + ", directoryVisibility="
        + directoryVisibility
        + ", publicUrlBase="
        + publicUrlBase
        + ", extendedAttributes="
        + extendedAttributes
        + ", fsync="
        + fsync
        + "]";
  }

  static String octal(int mode) {
    return String.format("0%03o", mode);
  }

  /** Builds a {@link LocalConfig}; see the class documentation for an example. */
  public static final class Builder {
    private final Path root;
    private boolean createRoot = true;
    private SymlinkPolicy symlinkPolicy = SymlinkPolicy.SKIP;
    private int publicFileMode = 0644;
    private int privateFileMode = 0600;
    private int publicDirectoryMode = 0755;
    private int privateDirectoryMode = 0700;
    private Visibility directoryVisibility = Visibility.PUBLIC;
    private @Nullable URI publicUrlBase;
    private boolean extendedAttributes = true;
    private boolean fsync = true;
    private final Set<String> set = new HashSet<>();

    private Builder(Path root) {
      Objects.requireNonNull(root, "root");
      this.root = root.toAbsolutePath().normalize();
    }

    /** Sets whether a missing root directory is created (with its parents). Default: true. */
    public Builder createRoot(boolean create) {
      once("createRoot", createRoot);
      this.createRoot = create;
      return this;
    }

    /** Sets what happens when an operation meets a symbolic link. Default: {@link SymlinkPolicy#SKIP}. */
    public Builder symlinkPolicy(SymlinkPolicy policy) {
      Objects.requireNonNull(policy, "policy");
      once("symlinkPolicy", symlinkPolicy);
      this.symlinkPolicy = policy;
      return this;
    }

    /**
     * Sets the POSIX mode of files with {@code visibility}, written in octal ({@code 0640}).
     * The owner must keep read and write access ({@code 0600}); no special bits. Defaults:
     * {@code 0644} public, {@code 0600} private. Ignored where the filesystem is not POSIX.
     */
    public Builder filePermissions(Visibility visibility, int mode) {
      Objects.requireNonNull(visibility, "visibility");
      check(mode, 0600, "file");
      if (visibility == Visibility.PUBLIC) {
        once("filePermissions(PUBLIC)", octal(publicFileMode));
        publicFileMode = mode;
      } else {
        once("filePermissions(PRIVATE)", octal(privateFileMode));
        privateFileMode = mode;
      }
      return this;
    }

    /**
     * Sets the POSIX mode of directories with {@code visibility}, in octal ({@code 0750}). The
     * owner must keep full access ({@code 0700}); no special bits. Defaults: {@code 0755}
     * public, {@code 0700} private. Ignored where the filesystem is not POSIX.
     */
    public Builder directoryPermissions(Visibility visibility, int mode) {
      Objects.requireNonNull(visibility, "visibility");
      check(mode, 0700, "directory");
      if (visibility == Visibility.PUBLIC) {
        once("directoryPermissions(PUBLIC)", octal(publicDirectoryMode));
        publicDirectoryMode = mode;
      } else {
        once("directoryPermissions(PRIVATE)", octal(privateDirectoryMode));
        privateDirectoryMode = mode;
      }
      return this;
    }

    /**
     * Sets the visibility of directories created on the way by writes, copies and moves
     * ({@code createDirectory} uses the visibility it is given). Default: PUBLIC.
     */
    public Builder directoryVisibility(Visibility visibility) {
      Objects.requireNonNull(visibility, "visibility");
      once("directoryVisibility", directoryVisibility);
      this.directoryVisibility = visibility;
      return this;
    }

    /**
     * Declares public URLs: {@code publicUrl(path)} returns this base followed by the
     * percent-encoded path. The base must be absolute, without query or fragment; a missing
     * trailing {@code /} is added. Default: none (public URLs unsupported).
     */
    public Builder publicUrlBase(URI base) {
      Objects.requireNonNull(base, "base");
      if (!base.isAbsolute()
          || base.isOpaque()
          || base.getRawQuery() != null
          || base.getRawFragment() != null) {
        throw new IllegalArgumentException(
            "publicUrlBase must be an absolute URI without query or fragment: " + base);
      }
      once("publicUrlBase", publicUrlBase);
      String s = base.toString();
      this.publicUrlBase = s.endsWith("/") ? base : URI.create(s + "/");
      return this;
    }

    /**
     * Sets whether content type, cache control, content disposition, content encoding and user
     * metadata are kept in {@code user.*} extended attributes. When true (the default) the
     * adapter probes the root once and declares these capabilities only if the probe works.
     */
    public Builder extendedAttributes(boolean enabled) {
      once("extendedAttributes", extendedAttributes);
      this.extendedAttributes = enabled;
      return this;
    }

    /**
     * Sets whether each write is forced to the disk (file, then directory) before it becomes
     * visible. Writes are atomic either way; this adds durability across power loss. Default: true.
     */
    public Builder fsync(boolean enabled) {
      once("fsync", fsync);
      this.fsync = enabled;
      return this;
    }

    /** Returns the configuration. */
    public LocalConfig build() {
      if (publicFileMode == privateFileMode) {
        throw new IllegalArgumentException(
            "public and private file permissions must differ: both " + octal(publicFileMode));
      }
      if (publicDirectoryMode == privateDirectoryMode) {
        throw new IllegalArgumentException(
            "public and private directory permissions must differ: both "
                + octal(publicDirectoryMode));
      }
      return new LocalConfig(this);
    }

    private void once(String option, @Nullable Object current) {
      if (!set.add(option)) {
        throw new IllegalStateException(option + " was already set to " + current);
      }
    }

    private static void check(int mode, int ownerBits, String what) {
      if (mode < 0 || mode > 0777) {
        throw new IllegalArgumentException(
            what
                + " permissions must be between 0000 and 0777 (octal): "
                + (mode < 0 ? Integer.toString(mode) : "0" + Integer.toOctalString(mode)));
      }
      if ((mode & ownerBits) != ownerBits) {
        throw new IllegalArgumentException(
            what
                + " permissions must give the owner at least "
                + octal(ownerBits)
                + ": "
                + octal(mode));
      }
    }
  }
}
