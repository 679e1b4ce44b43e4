package dev.stowage.b2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stowage.StorageException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class VerifyingInputStreamTest {
  private static final byte[] DATA = "verified bytes".getBytes(StandardCharsets.UTF_8);

  @Test
  void read_matchingSha1_returnsBytes() throws IOException {
    InputStream in = new VerifyingInputStream(new ByteArrayInputStream(DATA), "p",
        B2FaultToleranceTest.sha1(DATA), DATA.length);
    assertThat(in.readAllBytes()).isEqualTo(DATA);
  }

  @Test
  void read_corruptedBytes_failsAtEndWithIntegrity() throws IOException {
    byte[] corrupt = DATA.clone();
    corrupt[3] ^= 1;
    InputStream in = new VerifyingInputStream(new ByteArrayInputStream(corrupt), "p",
        B2FaultToleranceTest.sha1(DATA), DATA.length);
    byte[] buffer = new byte[DATA.length];
    assertThat(in.read(buffer, 0, buffer.length)).isEqualTo(DATA.length); // bytes flow until the end
    assertThatThrownBy(in::read).isInstanceOf(IOException.class)
        .hasCauseInstanceOf(StorageException.class)
        .satisfies(e -> assertThat(((StorageException) e.getCause()).kind())
            .isEqualTo(StorageException.Kind.INTEGRITY));
  }

  @Test
  void read_shortBody_failsWithIntegrity() {
    InputStream in = new VerifyingInputStream(new ByteArrayInputStream(DATA, 0, 5), "p",
        B2FaultToleranceTest.sha1(DATA), DATA.length);
    assertThatThrownBy(in::readAllBytes).isInstanceOf(IOException.class).hasMessageContaining("received 5 of");
  }

  @Test
  void skip_stillHashesSkippedBytes() throws IOException {
    InputStream in = new VerifyingInputStream(new ByteArrayInputStream(DATA), "p",
        B2FaultToleranceTest.sha1(DATA), DATA.length);
    assertThat(in.skip(4)).isEqualTo(4);
    assertThat(in.readAllBytes()).hasSize(DATA.length - 4);
  }
}
