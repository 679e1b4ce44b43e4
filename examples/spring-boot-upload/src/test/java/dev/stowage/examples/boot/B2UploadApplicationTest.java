package dev.stowage.examples.boot;

import java.util.List;
import org.springframework.test.context.TestPropertySource;

/** The application on the B2 emulator: {@code stowage.uri=b2://BUCKET}. */
@TestPropertySource(properties = "stowage.uri=b2://${test.bucket}")
class B2UploadApplicationTest extends UploadApplicationTest {

  @Override
  List<String> keysInBucket() {
    return TestServers.b2Keys(B2);
  }
}
