package dev.stowage.examples.boot;

/** One stored upload as the API shows it: its name under {@code uploads/} and its size in bytes. */
public record StoredFile(String name, long size) {}
