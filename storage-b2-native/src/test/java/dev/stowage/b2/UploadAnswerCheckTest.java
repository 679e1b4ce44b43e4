package dev.stowage.b2;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stowage.b2.client.B2FileVersion;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An upload answer damaged on the way must fail the attempt, not become the file's attributes. */
class UploadAnswerCheckTest {

  private static final String SHA1 = "a9993e364706816aba3e25717850c26c9cd0d89d";

  private static B2FileVersion answer(long length, String sha1) {
    return new B2FileVersion(
        "acct",
        "upload",
        "bucket",
        length,
        null,
        sha1,
        "text/plain",
        "4_zb_f1",
        Map.of(),
        "a.txt",
        0);
  }

  @Test
  void checkAnswer_matching_passes() {
    assertThatCode(() -> B2Writer.checkAnswer(answer(3, SHA1), 3, SHA1)).doesNotThrowAnyException();
    assertThatCode(() -> B2Writer.checkAnswer(answer(3, SHA1), 3, null)).doesNotThrowAnyException();
  }

  @Test
  void checkAnswer_wrongLength_failsRetryably() {
    assertThatThrownBy(() -> B2Writer.checkAnswer(answer(0, SHA1), 3, SHA1))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("0 bytes stored, 3 were sent");
  }

  @Test
  void checkAnswer_wrongSha1_failsRetryably() {
    assertThatThrownBy(() -> B2Writer.checkAnswer(answer(3, "b" + SHA1.substring(1)), 3, SHA1))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("was sent");
  }
}
