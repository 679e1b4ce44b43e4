package dev.stowage.tck.mutants;

import dev.stowage.ByteRange;
import dev.stowage.spi.FilesystemAdapter;
import dev.stowage.spi.ForwardingAdapter;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Mutants "drops a byte on read" and "flips a byte on read": every stream loses or alters its first byte. */
final class DamagingReads extends ForwardingAdapter {

  /** What happens to the first byte of each stream. */
  enum Damage {
    DROP,
    FLIP
  }

  private final Damage damage;

  DamagingReads(FilesystemAdapter delegate, Damage damage) {
    super(delegate);
    this.damage = damage;
  }

  @Override
  public InputStream read(String path, ByteRange range) {
    InputStream in = super.read(path, range);
    return new FilterInputStream(in) {
      private boolean first = true;

      @Override
      public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
          return 0;
        }
        if (first) {
          first = false;
          int c = super.read();
          if (c < 0) {
            return -1;
          }
          if (damage == Damage.FLIP) {
            b[off] = (byte) (c ^ 0x01);
            return 1;
          }
        }
        return super.read(b, off, len);
      }
    };
  }
}
