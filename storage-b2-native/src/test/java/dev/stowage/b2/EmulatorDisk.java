package dev.stowage.b2;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reaches into an emulator's data directory ({@code files/ID.json} records, {@code blobs/ID}
 * bytes) to corrupt stored bytes or read how a file was stored, as a disk fault would.
 */
final class EmulatorDisk {
  private static final ObjectMapper JSON = new ObjectMapper();

  private EmulatorDisk() {}

  /** Returns the stored versions of {@code fileName} with action {@code upload}. */
  static List<JsonNode> uploads(Path data, String fileName) throws IOException {
    List<JsonNode> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(data.resolve("files"))) {
      for (Path f : (Iterable<Path>) files::iterator) {
        if (f.toString().endsWith(".json")) {
          JsonNode v = JSON.readTree(f.toFile());
          if (v.path("fileName").asText().equals(fileName)
              && v.path("action").asText().equals("upload")) {
            out.add(v);
          }
        }
      }
    }
    return out;
  }

  /** Returns the segment lengths of the only stored version of {@code fileName}. */
  static List<Long> segmentLengths(Path data, String fileName) throws IOException {
    List<Long> lengths = new ArrayList<>();
    for (JsonNode s : only(data, fileName).path("segments")) {
      lengths.add(s.path("length").asLong());
    }
    return lengths;
  }

  /** Flips one bit of byte {@code offset} of the last segment of the only stored version of {@code fileName}. */
  static void flip(Path data, String fileName, long offset) throws IOException {
    JsonNode segments = only(data, fileName).path("segments");
    String blob = segments.get(segments.size() - 1).path("blob").asText();
    try (RandomAccessFile f =
        new RandomAccessFile(data.resolve("blobs").resolve(blob).toFile(), "rw")) {
      f.seek(offset);
      int b = f.read();
      f.seek(offset);
      f.write(b ^ 0x01);
    }
  }

  private static JsonNode only(Path data, String fileName) throws IOException {
    List<JsonNode> versions = uploads(data, fileName);
    if (versions.size() != 1) {
      throw new AssertionError(
          "expected one stored version of " + fileName + ", found " + versions.size());
    }
    return versions.get(0);
  }
}
