package dev.stowage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.TransferListener;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class BarListenerTest {

  @Test
  void bytesTransferred_fromTwoTransfersOfTheSameBytes_barShowsTheFurthest() {
    ProgressBar bar =
        new ProgressBar(
            new PrintWriter(new StringWriter()), new Terminal(false, 80), () -> 0L, "f.bin", 100);
    TransferListener download = BarListener.of(bar);
    TransferListener upload = BarListener.of(bar);

    download.bytesTransferred(40, 100);
    upload.bytesTransferred(30, 100);
    upload.bytesTransferred(60, 100);
    download.bytesTransferred(50, 100);

    assertThat(bar.done()).isEqualTo(60);
  }

  @Test
  void of_noBar_isTheNoOpListener() {
    assertThat(BarListener.of(null)).isSameAs(TransferListener.NONE);
  }
}
