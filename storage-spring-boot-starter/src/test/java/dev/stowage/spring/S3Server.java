package dev.stowage.spring;

import dev.stowage.testing.S3ProxyExtension;
import dev.stowage.testing.S3ProxyServer;

/**
 * A bucket of an {@link S3ProxyExtension}'s server, described as {@code stowage} properties in
 * the kebab-case spelling. Reads the server when asked, so it may be made before the extension
 * has started it.
 */
record S3Server(S3ProxyExtension s3, String bucket) implements StorageServer {

  @Override
  public String secret() {
    return s3.server().secretKey();
  }

  @Override
  public String secretProperty(String prefix, String value) {
    return prefix + ".settings.secret-key=" + value;
  }

  @Override
  public String[] properties(String prefix, String bucketName, String root) {
    S3ProxyServer server = s3.server();
    return new String[] {
      prefix + ".uri=s3://" + bucketName + "/" + root,
      prefix + ".settings.endpoint=" + server.endpoint(),
      prefix + ".settings.profile=generic",
      prefix + ".settings.region=us-east-1",
      prefix + ".settings.access-key=" + server.accessKey(),
      prefix + ".settings.secret-key=" + server.secretKey(),
    };
  }
}
