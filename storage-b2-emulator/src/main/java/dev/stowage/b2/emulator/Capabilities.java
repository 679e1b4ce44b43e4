package dev.stowage.b2.emulator;

import java.util.List;

/** The capability names B2 knows; the master key holds all of them. */
final class Capabilities {
  static final String LIST_KEYS = "listKeys";
  static final String WRITE_KEYS = "writeKeys";
  static final String DELETE_KEYS = "deleteKeys";
  static final String LIST_BUCKETS = "listBuckets";
  static final String LIST_ALL_BUCKET_NAMES = "listAllBucketNames";
  static final String READ_BUCKETS = "readBuckets";
  static final String WRITE_BUCKETS = "writeBuckets";
  static final String DELETE_BUCKETS = "deleteBuckets";
  static final String LIST_FILES = "listFiles";
  static final String READ_FILES = "readFiles";
  static final String SHARE_FILES = "shareFiles";
  static final String WRITE_FILES = "writeFiles";
  static final String DELETE_FILES = "deleteFiles";
  static final String BYPASS_GOVERNANCE = "bypassGovernance";
  static final String READ_FILE_RETENTIONS = "readFileRetentions";
  static final String WRITE_FILE_RETENTIONS = "writeFileRetentions";
  static final String READ_FILE_LEGAL_HOLDS = "readFileLegalHolds";
  static final String WRITE_FILE_LEGAL_HOLDS = "writeFileLegalHolds";
  static final String READ_BUCKET_RETENTIONS = "readBucketRetentions";
  static final String WRITE_BUCKET_RETENTIONS = "writeBucketRetentions";
  static final String READ_BUCKET_REPLICATIONS = "readBucketReplications";
  static final String WRITE_BUCKET_REPLICATIONS = "writeBucketReplications";

  static final List<String> ALL =
      List.of(
          LIST_KEYS,
          WRITE_KEYS,
          DELETE_KEYS,
          LIST_BUCKETS,
          LIST_ALL_BUCKET_NAMES,
          READ_BUCKETS,
          WRITE_BUCKETS,
          DELETE_BUCKETS,
          "readBucketEncryption",
          "writeBucketEncryption",
          READ_BUCKET_RETENTIONS,
          WRITE_BUCKET_RETENTIONS,
          READ_FILE_RETENTIONS,
          WRITE_FILE_RETENTIONS,
          READ_FILE_LEGAL_HOLDS,
          WRITE_FILE_LEGAL_HOLDS,
          READ_BUCKET_REPLICATIONS,
          WRITE_BUCKET_REPLICATIONS,
          BYPASS_GOVERNANCE,
          LIST_FILES,
          READ_FILES,
          SHARE_FILES,
          WRITE_FILES,
          DELETE_FILES,
          "readBucketNotifications",
          "writeBucketNotifications");

  /** Capabilities a key restricted to one bucket may not hold. */
  static final List<String> ACCOUNT_LEVEL =
      List.of(LIST_KEYS, WRITE_KEYS, DELETE_KEYS, WRITE_BUCKETS, DELETE_BUCKETS);

  private Capabilities() {}
}
