package dev.stowage.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.stowage.Capability;
import dev.stowage.MetadataFailedException;
import dev.stowage.WriteOptions;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** MIME types (T1–T5): detection from name and content, and explicit types. */
@ContractGroup("mime")
public interface MimeContract extends KitFixture {

  /** T1, T3: types are detected from content and name (SVG, text, JSON, PNG…). */
  @ParameterizedTest(name = "[{index}] {0} → {2}")
  @MethodSource("dev.stowage.tck.MimeCases#detectable")
  default void mimeType_detectable_isDetected(String name, byte[] content, String expected) {
    String path = newDirectory("t1") + "/" + name;
    fs().write(path, content);
    assertThat(KitData.baseType(fs().mimeType(path))).isEqualTo(expected);
    if (has(Capability.CONTENT_TYPE)) {
      assertThat(KitData.baseType(fs().stat(path).contentType()))
          .as("stored type")
          .isEqualTo(expected);
    }
  }

  /** T2: unknown content with an unknown extension is never given a specific guessed type. */
  @Test
  default void mimeType_undetectable_failsOrIsOctetStream() {
    String path = newDirectory("t2") + "/mystery.qqzx";
    fs().write(path, KitData.bytes(512));
    Throwable thrown =
        catchThrowable(
            () ->
                assertThat(KitData.baseType(fs().mimeType(path)))
                    .isEqualTo("application/octet-stream"));
    if (thrown != null) {
      assertThat(thrown).isInstanceOf(MetadataFailedException.class);
      Expect.wellFormed((MetadataFailedException) thrown);
    }
  }

  /** T4: stream and output-stream uploads still get a type from the name. */
  @Test
  default void mimeType_streamUploads_detectedFromName() throws IOException {
    String d = newDirectory("t4");
    fs().write(
            d + "/streamed.json",
            new ByteArrayInputStream(KitData.utf8("{\"x\":true}")),
            WriteOptions.DEFAULT);
    fs().write(
            d + "/known.csv",
            new ByteArrayInputStream(KitData.utf8("a,b\n")),
            4,
            WriteOptions.DEFAULT);
    try (OutputStream out = fs().openOutputStream(d + "/out.html", WriteOptions.DEFAULT)) {
      out.write(KitData.utf8("<html><body>x</body></html>"));
    }
    assertThat(KitData.baseType(fs().mimeType(d + "/streamed.json"))).isEqualTo("application/json");
    assertThat(KitData.baseType(fs().mimeType(d + "/known.csv"))).isEqualTo("text/csv");
    assertThat(KitData.baseType(fs().mimeType(d + "/out.html"))).isEqualTo("text/html");
  }

  /** T5: an explicit type wins over detection. */
  @Test
  @Requires(Capability.CONTENT_TYPE)
  default void mimeType_explicit_winsOverDetection() {
    String path = newDirectory("t5") + "/image.svg";
    fs().write(
            path,
            KitData.utf8("<svg xmlns=\"http://www.w3.org/2000/svg\"></svg>"),
            WriteOptions.builder().contentType("text/plain").build());
    assertThat(KitData.baseType(fs().mimeType(path))).isEqualTo("text/plain");
  }
}
