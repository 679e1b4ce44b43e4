package dev.stowage.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class S3ProxyExtensionPerTestTest {

  @RegisterExtension
  static final S3ProxyExtension S3 =
      S3ProxyExtension.builder()
          .credentials("fixed-access", "fixed-secret-0123456789")
          .bucket("data")
          .perTest();

  private static final AtomicReference<S3ProxyServer> FIRST = new AtomicReference<>();

  @Test
  @Order(1)
  void first_writesAnObject() {
    FIRST.set(S3.server());
    assertThat(S3.server().accessKey()).isEqualTo("fixed-access");
    try (S3Client s3 = S3ProxyExtensionTest.client(S3.settings())) {
      s3.putObject(b -> b.bucket("data").key("left-over"), RequestBody.fromString("x"));
      assertThat(s3.listObjectsV2(b -> b.bucket("data")).contents()).hasSize(1);
    }
  }

  @Test
  @Order(2)
  void second_getsAFreshServerWithTheDeclaredBucketOnly(S3ProxyServer injected) {
    assertThat(injected).isNotSameAs(FIRST.get());
    try (S3Client s3 = S3ProxyExtensionTest.client(S3.settings())) {
      assertThat(s3.listObjectsV2(b -> b.bucket("data")).contents()).isEmpty();
    }
  }
}
