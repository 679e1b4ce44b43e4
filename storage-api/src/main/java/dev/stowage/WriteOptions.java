package dev.stowage;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Options for a write, copy or move. Every component is optional: null (or an empty map) means
 * "not asked for", and the {@link Filesystem} fills in its defaults (e.g. a detected content type).
 *
 * <p>For copy and move, an option that is set replaces the source's value; unset options keep it.
 *
 * @param visibility the visibility to give the file
 * @param contentType the MIME type to store; always wins over detection
 * @param cacheControl the {@code Cache-Control} to store
 * @param contentDisposition the {@code Content-Disposition} to store
 * @param contentEncoding the {@code Content-Encoding} to store
 * @param userMetadata user metadata (keys are stored lowercase; values are UTF-8 strings)
 * @param createOnly fail with {@code ALREADY_EXISTS} instead of overwriting
 * @param listener hears the write's or copy's progress ({@link TransferListener#NONE}: nobody)
 * @param cancellation cancels the write or copy from any thread, or null
 */
public record WriteOptions(
    @Nullable Visibility visibility,
    @Nullable String contentType,
    @Nullable String cacheControl,
    @Nullable String contentDisposition,
    @Nullable String contentEncoding,
    Map<String, String> userMetadata,
    boolean createOnly,
    TransferListener listener,
    @Nullable CancellationToken cancellation) {

  /** No options: overwrite, defaults for everything. */
  public static final WriteOptions DEFAULT =
      new WriteOptions(null, null, null, null, null, Map.of(), false);

  /** Options without a listener or a cancellation token. */
  public WriteOptions(
      @Nullable Visibility visibility,
      @Nullable String contentType,
      @Nullable String cacheControl,
      @Nullable String contentDisposition,
      @Nullable String contentEncoding,
      Map<String, String> userMetadata,
      boolean createOnly) {
    this(
        visibility,
        contentType,
        cacheControl,
        contentDisposition,
        contentEncoding,
        userMetadata,
        createOnly,
        TransferListener.NONE,
        null);
  }

  public WriteOptions {
    if (listener == null) {
      listener = TransferListener.NONE;
    }
    if (userMetadata == null || userMetadata.isEmpty()) {
      userMetadata = Map.of();
    } else {
      Map<String, String> lower = new LinkedHashMap<>();
      userMetadata.forEach((k, v) -> lower.put(k.toLowerCase(Locale.ROOT), v));
      userMetadata = Map.copyOf(lower);
    }
  }

  /** Returns a builder with nothing set. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder initialised with these options. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.visibility = visibility;
    b.contentType = contentType;
    b.cacheControl = cacheControl;
    b.contentDisposition = contentDisposition;
    b.contentEncoding = contentEncoding;
    b.userMetadata.putAll(userMetadata);
    b.createOnly = createOnly;
    b.listener = listener;
    b.cancellation = cancellation;
    return b;
  }

  /** Returns whether any content metadata (type, headers, user metadata) is set. */
  public boolean hasContentMetadata() {
    return contentType != null
        || cacheControl != null
        || contentDisposition != null
        || contentEncoding != null
        || !userMetadata.isEmpty();
  }

  /** Returns these options with another visibility. */
  public WriteOptions withVisibility(@Nullable Visibility newVisibility) {
    return new WriteOptions(
        newVisibility,
        contentType,
        cacheControl,
        contentDisposition,
        contentEncoding,
        userMetadata,
        createOnly,
        listener,
        cancellation);
  }

  /** Returns these options with another content type. */
  public WriteOptions withContentType(String newContentType) {
    return new WriteOptions(
        visibility,
        newContentType,
        cacheControl,
        contentDisposition,
        contentEncoding,
        userMetadata,
        createOnly,
        listener,
        cancellation);
  }

  /** Builds {@link WriteOptions}. Values are checked by the {@link Filesystem} when used. */
  public static final class Builder {
    private @Nullable Visibility visibility;
    private @Nullable String contentType;
    private @Nullable String cacheControl;
    private @Nullable String contentDisposition;
    private @Nullable String contentEncoding;
    private final Map<String, String> userMetadata = new LinkedHashMap<>();
    private boolean createOnly;
    private TransferListener listener = TransferListener.NONE;
    private @Nullable CancellationToken cancellation;

    private Builder() {}

    /**
     * Sets who hears the write's or copy's progress (bytes, parts, retries, the end); see
     * {@link TransferListener} for the threads and the order of its calls. Null: nobody.
     */
    public Builder listener(@Nullable TransferListener value) {
      this.listener = value == null ? TransferListener.NONE : value;
      return this;
    }

    /** Sets the token that cancels the write or copy (see {@link CancellationToken}); null: none. */
    public Builder cancellation(@Nullable CancellationToken value) {
      this.cancellation = value;
      return this;
    }

    /** Sets the visibility. */
    public Builder visibility(@Nullable Visibility value) {
      this.visibility = value;
      return this;
    }

    /** Sets the content type. */
    public Builder contentType(@Nullable String value) {
      this.contentType = value;
      return this;
    }

    /** Sets {@code Cache-Control}. */
    public Builder cacheControl(@Nullable String value) {
      this.cacheControl = value;
      return this;
    }

    /** Sets {@code Content-Disposition}. */
    public Builder contentDisposition(@Nullable String value) {
      this.contentDisposition = value;
      return this;
    }

    /** Sets {@code Content-Encoding}. */
    public Builder contentEncoding(@Nullable String value) {
      this.contentEncoding = value;
      return this;
    }

    /** Adds one user metadata entry. */
    public Builder userMetadata(String key, String value) {
      userMetadata.put(key, value);
      return this;
    }

    /** Adds user metadata entries. */
    public Builder userMetadata(Map<String, String> entries) {
      userMetadata.putAll(entries);
      return this;
    }

    /** Makes the write fail with {@code ALREADY_EXISTS} when the file exists. */
    public Builder createOnly(boolean value) {
      this.createOnly = value;
      return this;
    }

    /** Returns the options. */
    public WriteOptions build() {
      return new WriteOptions(
          visibility,
          contentType,
          cacheControl,
          contentDisposition,
          contentEncoding,
          userMetadata,
          createOnly,
          listener,
          cancellation);
    }
  }
}
