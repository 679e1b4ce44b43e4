package dev.stowage;

/** Whether a file can be read anonymously: {@code PUBLIC}, or only with credentials: {@code PRIVATE}. */
public enum Visibility {
  PUBLIC,
  PRIVATE
}
