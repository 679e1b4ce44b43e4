package dev.stowage.bench;

import java.nio.file.Path;

/**
 * The inputs of one transfer run.
 *
 * @param key the object's path relative to the bench directory: the upload's destination or the download's source
 * @param payload the local file with the bytes to upload (uploads only)
 * @param size how many bytes move
 * @param output the local file a download to file writes (replaced if present)
 */
record Job(String key, Path payload, long size, Path output) {}
