package dev.stowage.spring;

import dev.stowage.testing.B2EmulatorExtension;

/**
 * A bucket of a {@link B2EmulatorExtension}'s emulator, described as {@code stowage} properties
 * with the master key. Reads the emulator when asked, so it may be made before the extension has
 * started it.
 */
record B2Server(B2EmulatorExtension b2, String bucket) implements StorageServer {

  String endpoint() {
    return b2.emulator().url();
  }

  @Override
  public String secret() {
    return b2.emulator().applicationKey();
  }

  @Override
  public String secretProperty(String prefix, String value) {
    return prefix + ".settings.applicationKey=" + value;
  }

  @Override
  public String[] properties(String prefix, String bucketName, String root) {
    return new String[] {
      prefix + ".uri=b2://" + bucketName + "/" + root,
      prefix + ".settings.endpoint=" + endpoint(),
      prefix + ".settings.keyId=" + b2.emulator().keyId(),
      prefix + ".settings.applicationKey=" + b2.emulator().applicationKey(),
      prefix + ".settings.maxAttempts=2",
      prefix + ".settings.retryBaseDelay=5ms",
      prefix + ".settings.retryMaxDelay=10ms",
    };
  }
}
