package dev.stowage;

import org.jspecify.annotations.Nullable;

/**
 * The facade's settings, fixed by {@link FilesystemBuilder} and shared by views made with
 * {@link Filesystem#at}.
 */
record FacadeSettings(
    @Nullable Visibility defaultVisibility,
    ChecksumAlgorithm defaultChecksum,
    MimeDetector mimeDetector,
    SamePathPolicy samePathPolicy,
    boolean checkDirectoryConflicts) {}
