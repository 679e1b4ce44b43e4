package dev.stowage.examples.boot;

import java.util.List;
import org.springframework.test.context.TestPropertySource;

/** The application on S3Proxy: {@code stowage.uri=s3://BUCKET}. */
@TestPropertySource(properties = "stowage.uri=s3://${test.bucket}")
class S3UploadApplicationTest extends UploadApplicationTest {

  @Override
  List<String> keysInBucket() {
    return TestServers.s3Keys(S3);
  }
}
