package dev.stowage.examples.boot;

import org.jspecify.annotations.Nullable;

/** Turns a client's file name into one safe name segment, or refuses it. */
final class UploadNames {

  static final int MAX_LENGTH = 200;

  private UploadNames() {}

  /**
   * Returns the last segment of {@code original} (a browser may send {@code C:\dir\a.png}).
   *
   * @throws IllegalArgumentException when nothing usable is left: empty, {@code .}, {@code ..},
   *     control characters, or longer than {@value #MAX_LENGTH} characters
   */
  static String safeName(@Nullable String original) {
    if (original == null) {
      throw new IllegalArgumentException("the upload has no file name");
    }
    String name =
        original
            .substring(Math.max(original.lastIndexOf('/'), original.lastIndexOf('\\')) + 1)
            .strip();
    if (name.isEmpty() || name.equals(".") || name.equals("..")) {
      throw new IllegalArgumentException("the file name is empty or names a directory");
    }
    if (name.length() > MAX_LENGTH) {
      throw new IllegalArgumentException(
          "the file name is longer than " + MAX_LENGTH + " characters");
    }
    for (int i = 0; i < name.length(); i++) {
      if (Character.isISOControl(name.charAt(i))) {
        throw new IllegalArgumentException("the file name contains a control character");
      }
    }
    return name;
  }
}
