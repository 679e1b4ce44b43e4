package dev.stowage.cli;

import dev.stowage.TransferListener;
import org.jspecify.annotations.Nullable;

/**
 * Draws a transfer's progress on a {@link ProgressBar}: the bar follows the bytes the storage
 * layer reports (from any of its threads). Several transfers of the same bytes (a download feeding
 * an upload) may report to one bar; it shows the furthest.
 */
final class BarListener implements TransferListener {

  private final ProgressBar bar;

  private BarListener(ProgressBar bar) {
    this.bar = bar;
  }

  /** Returns a listener drawing on {@code bar}, or {@link TransferListener#NONE} without one. */
  static TransferListener of(@Nullable ProgressBar bar) {
    return bar == null ? TransferListener.NONE : new BarListener(bar);
  }

  @Override
  public void bytesTransferred(long bytesDone, long totalBytes) {
    bar.reach(bytesDone);
  }
}
