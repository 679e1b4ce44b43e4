package dev.stowage;

/**
 * The facade's settings, fixed by {@link FilesystemBuilder} and shared by views made with
 * {@link Filesystem#at}.
 */
record FacadeSettings(Visibility defaultVisibility, ChecksumAlgorithm defaultChecksum,
    MimeDetector mimeDetector, SamePathPolicy samePathPolicy, boolean checkDirectoryConflicts) {}
