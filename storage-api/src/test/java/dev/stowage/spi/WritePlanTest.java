package dev.stowage.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stowage.StorageException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WritePlanTest {

  private static final long THRESHOLD = 100;

  private static WritePlan plan(WriteSource source, long streamLimit) throws IOException {
    return WritePlan.of("p", source, length -> length >= THRESHOLD, streamLimit);
  }

  @Test
  void bytes_belowAndAtTheThreshold_onceThenParts() throws IOException {
    assertThat(plan(WriteSource.of(new byte[99]), 50)).isInstanceOf(WritePlan.Once.class);
    WritePlan parts = plan(WriteSource.of(new byte[100]), 50);
    assertThat(parts)
        .isInstanceOfSatisfying(
            WritePlan.Parts.class,
            p -> {
              assertThat(p.length()).isEqualTo(100);
              assertThat(p.fromStream()).isFalse();
            });
  }

  @Test
  void file_decidedByItsSize_andNeverRead(@TempDir Path dir) throws IOException {
    Path small = Files.write(dir.resolve("s"), new byte[10]);
    Path large = Files.write(dir.resolve("l"), new byte[200]);
    assertThat(plan(WriteSource.of(small, -1), 5))
        .isInstanceOfSatisfying(WritePlan.Once.class, o -> assertThat(o.file()).isEqualTo(small));
    assertThat(plan(WriteSource.of(large, -1), 5))
        .isInstanceOfSatisfying(WritePlan.Parts.class, p -> assertThat(p.file()).isEqualTo(large));
  }

  @Test
  void knownLengthStream_heldOnlyWhenItFitsTheLimit() throws IOException {
    WritePlan once = plan(WriteSource.of(new ByteArrayInputStream(new byte[40]), 40), 40);
    assertThat(once)
        .isInstanceOfSatisfying(WritePlan.Once.class, o -> assertThat(o.bytes()).hasSize(40));
    InputStream in = new ByteArrayInputStream(new byte[41]);
    WritePlan parts = plan(WriteSource.of(in, 41), 40);
    assertThat(parts)
        .isInstanceOfSatisfying(
            WritePlan.Parts.class,
            p -> {
              assertThat(p.stream()).isSameAs(in);
              assertThat(p.head()).isNull();
            });
    assertThat(in.available()).as("nothing read yet").isEqualTo(41);
  }

  @Test
  void knownLengthStream_endingEarly_failsInvalidInputNamingBothCounts() {
    assertThatThrownBy(() -> plan(WriteSource.of(new ByteArrayInputStream(new byte[3]), 10), 50))
        .isInstanceOfSatisfying(
            BackendException.class,
            e -> assertThat(e.kind()).isEqualTo(StorageException.Kind.INVALID_INPUT))
        .hasMessageContaining("3 of 10");
  }

  @Test
  void unknownLengthStream_endedWithinTheLimit_isOnce_elsePartsStartingWithTheHead()
      throws IOException {
    assertThat(plan(WriteSource.of(new ByteArrayInputStream(new byte[30]), -1), 30))
        .isInstanceOfSatisfying(WritePlan.Once.class, o -> assertThat(o.length()).isEqualTo(30));
    WritePlan parts = plan(WriteSource.of(new ByteArrayInputStream(new byte[31]), -1), 30);
    assertThat(parts)
        .isInstanceOfSatisfying(
            WritePlan.Parts.class,
            p -> {
              assertThat(p.length()).isEqualTo(-1);
              assertThat(p.head().bytes()).hasSize(31);
              assertThat(p.head().ended()).isFalse();
            });
  }

  @Test
  void parts_withStream_keepsTheHead() throws IOException {
    WritePlan.Parts parts =
        (WritePlan.Parts) plan(WriteSource.of(new ByteArrayInputStream(new byte[31]), -1), 30);
    InputStream other = InputStream.nullInputStream();
    assertThat(parts.withStream(other).head()).isSameAs(parts.head());
    assertThat(parts.withStream(other).stream()).isSameAs(other);
  }
}
