package dev.stowage;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Locale;
import org.apache.tika.Tika;

/** {@link MimeDetector#tika()}: Tika core's default detector, loaded once on first use. */
enum TikaMimeDetector implements MimeDetector {
  INSTANCE;

  /** Loading Tika's type registry takes a moment, so it happens on first use, not at startup. */
  private static final class Holder {
    static final Tika TIKA = new Tika();
  }

  @Override
  public String detect(String path, byte[] head) {
    String name = path == null ? null : path.substring(path.lastIndexOf('/') + 1);
    byte[] bytes = head == null ? new byte[0] : head;
    String type;
    try {
      if (bytes.length == 0) {
        // With no bytes to sniff, only the extension can tell; Tika would otherwise answer
        // from the (empty) content alone.
        type = name == null || name.isEmpty() ? null : Holder.TIKA.detect(name);
      } else {
        type = Holder.TIKA.detect(new ByteArrayInputStream(bytes), name);
      }
    } catch (IOException | RuntimeException e) {
      return null;
    }
    return ContentTypes.isGeneric(type) ? null : type.toLowerCase(Locale.ROOT);
  }
}
