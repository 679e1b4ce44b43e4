package dev.stowage;

/** Names the filesystem operation that failed; every {@link StorageException} carries one. */
public enum Operation {
  EXISTS("check existence of"),
  READ("read"),
  WRITE("write"),
  STAT("read metadata of"),
  LIST("list"),
  CREATE_DIRECTORY("create directory"),
  DELETE_DIRECTORY("delete directory"),
  COPY("copy"),
  MOVE("move"),
  DELETE("delete"),
  SET_VISIBILITY("set visibility of"),
  CHECKSUM("compute checksum of"),
  PUBLIC_URL("make public URL for"),
  TEMPORARY_URL("make temporary URL for"),
  PREPARE_UPLOAD("prepare upload to"),
  PATH("use path");

  private final String verb;

  Operation(String verb) {
    this.verb = verb;
  }

  /** Returns the phrase used in messages, e.g. {@code "read metadata of"}. */
  public String verb() {
    return verb;
  }
}
