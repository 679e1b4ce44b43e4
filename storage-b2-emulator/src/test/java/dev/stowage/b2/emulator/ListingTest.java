package dev.stowage.b2.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** list_file_names / list_file_versions: order, start points, folders, paging and per-version shapes. */
@Timeout(30)
class ListingTest {
  @RegisterExtension final B2EmulatorExtension b2 = B2EmulatorExtension.perTest();

  private B2TestClient c;
  private String bucketId;

  @BeforeEach
  void setUp(B2Emulator emulator) {
    c = B2TestClient.authorized(emulator, 2);
    bucketId = c.createBucket("listing", "allPrivate");
    for (String name :
        List.of(
            "photos/a.jpg",
            "photos/cats/x.jpg",
            "photos/cats/y.jpg",
            "photos/z.jpg",
            "photos0",
            "top.txt",
            "\uE000private-use",
            "\uD83D\uDE00emoji")) {
      assertThat(c.upload(bucketId, Names.encode(name), name.getBytes()).status()).isEqualTo(200);
    }
  }

  private static List<String> names(JsonNode files) {
    List<String> out = new ArrayList<>();
    files.forEach(f -> out.add(f.get("fileName").asText()));
    return out;
  }

  @Test
  void listNames_utf8ByteOrder_notUtf16Order() {
    List<String> names =
        names(c.ok("b2_list_file_names", Map.of("bucketId", bucketId)).get("files"));
    assertThat(names)
        .containsExactly(
            "photos/a.jpg",
            "photos/cats/x.jpg",
            "photos/cats/y.jpg",
            "photos/z.jpg",
            "photos0",
            "top.txt",
            "\uE000private-use",
            "\uD83D\uDE00emoji");
  }

  @Test
  void listNames_prefixAndDelimiter_foldersInOrder() {
    JsonNode files =
        c.ok(
                "b2_list_file_names",
                Map.of("bucketId", bucketId, "prefix", "photos/", "delimiter", "/"))
            .get("files");
    assertThat(names(files)).containsExactly("photos/a.jpg", "photos/cats/", "photos/z.jpg");
    JsonNode folder = files.get(1);
    assertThat(folder.get("action").asText()).isEqualTo("folder");
    assertThat(folder.get("fileId").isNull()).isTrue();
    assertThat(folder.get("uploadTimestamp").asLong()).isZero();
    JsonNode root =
        c.ok("b2_list_file_names", Map.of("bucketId", bucketId, "delimiter", "/")).get("files");
    assertThat(names(root))
        .containsExactly("photos/", "photos0", "top.txt", "\uE000private-use", "\uD83D\uDE00emoji");
  }

  @Test
  void listNames_paging_inclusiveStartResumesExactly() {
    List<String> all = new ArrayList<>();
    String start = null;
    int pages = 0;
    do {
      Map<String, Object> req = new HashMap<>(Map.of("bucketId", bucketId, "maxFileCount", 3));
      if (start != null) {
        req.put("startFileName", start);
      }
      JsonNode page = c.ok("b2_list_file_names", req);
      all.addAll(names(page.get("files")));
      start = page.get("nextFileName").isNull() ? null : page.get("nextFileName").asText();
      pages++;
    } while (start != null);
    assertThat(pages).isEqualTo(3);
    assertThat(all).hasSize(8).doesNotHaveDuplicates();
    assertThat(
            names(
                    c.ok(
                            "b2_list_file_names",
                            Map.of("bucketId", bucketId, "startFileName", "photos/b"))
                        .get("files"))
                .get(0))
        .isEqualTo("photos/cats/x.jpg");
  }

  @Test
  void listVersions_newestFirstAndPagingByNameAndId() {
    JsonNode second = c.upload(bucketId, "top.txt", "v2".getBytes()).json();
    c.ok("b2_hide_file", Map.of("bucketId", bucketId, "fileName", "top.txt"));
    JsonNode versions =
        c.ok("b2_list_file_versions", Map.of("bucketId", bucketId, "prefix", "top")).get("files");
    assertThat(versions)
        .extracting(v -> v.get("action").asText())
        .containsExactly("hide", "upload", "upload");
    assertThat(versions.get(1).get("fileId").asText()).isEqualTo(second.get("fileId").asText());
    JsonNode page =
        c.ok(
            "b2_list_file_versions",
            Map.of("bucketId", bucketId, "prefix", "top", "maxFileCount", 1));
    assertThat(page.get("nextFileName").asText()).isEqualTo("top.txt");
    assertThat(page.get("nextFileId").asText()).isEqualTo(second.get("fileId").asText());
    JsonNode rest =
        c.ok(
            "b2_list_file_versions",
            Map.of(
                "bucketId",
                bucketId,
                "prefix",
                "top",
                "startFileName",
                "top.txt",
                "startFileId",
                second.get("fileId").asText()));
    assertThat(rest.get("files")).hasSize(2);
    assertThat(rest.get("nextFileId").isNull()).isTrue();
    assertThat(
            names(
                c.ok("b2_list_file_names", Map.of("bucketId", bucketId, "prefix", "top"))
                    .get("files")))
        .isEmpty();
  }

  @Test
  void listNames_v1_carriesSize() {
    B2TestClient v1 = B2TestClient.authorized(b2.emulator(), 1);
    JsonNode f =
        v1.ok("b2_list_file_names", Map.of("bucketId", bucketId, "prefix", "top"))
            .get("files")
            .get(0);
    assertThat(f.get("size").asLong()).isEqualTo("top.txt".length());
    assertThat(f.get("contentLength").asLong()).isEqualTo("top.txt".length());
  }

  @Test
  void largeFileListings_unfinishedOldestFirstAndPartsPaged() {
    String first =
        c.ok(
                "b2_start_large_file",
                Map.of(
                    "bucketId",
                    bucketId,
                    "fileName",
                    "big/one",
                    "contentType",
                    "b2/x-auto",
                    "fileInfo",
                    Map.of("Large_File_Sha1", "abc")))
            .get("fileId")
            .asText();
    JsonNode started =
        c.ok(
            "b2_start_large_file",
            Map.of("bucketId", bucketId, "fileName", "big/two", "contentType", "b2/x-auto"));
    assertThat(started.get("action").asText()).isEqualTo("start");
    assertThat(started.get("contentSha1").asText()).isEqualTo("none");
    assertThat(started.get("contentType").asText()).isEqualTo("application/octet-stream");
    JsonNode page =
        c.ok("b2_list_unfinished_large_files", Map.of("bucketId", bucketId, "maxFileCount", 1));
    assertThat(page.get("files").get(0).get("fileId").asText()).isEqualTo(first);
    assertThat(page.get("files").get(0).get("fileInfo").get("large_file_sha1").asText())
        .isEqualTo("abc");
    assertThat(page.get("nextFileId").asText()).isEqualTo(started.get("fileId").asText());
    assertThat(
            c.ok(
                    "b2_list_unfinished_large_files",
                    Map.of("bucketId", bucketId, "namePrefix", "big/t"))
                .get("files"))
        .hasSize(1);
    assertThat(
            c.call(
                    "b2_list_unfinished_large_files",
                    Map.of("bucketId", bucketId, "maxFileCount", 101))
                .status())
        .isEqualTo(400);
    // versions list unfinished files too, names does not
    assertThat(
            names(
                c.ok("b2_list_file_versions", Map.of("bucketId", bucketId, "prefix", "big/"))
                    .get("files")))
        .containsExactly("big/one", "big/two");
    assertThat(
            c.ok("b2_list_file_names", Map.of("bucketId", bucketId, "prefix", "big/")).get("files"))
        .isEmpty();
    c.ok("b2_delete_file_version", Map.of("fileName", "big/one", "fileId", first));
    assertThat(c.ok("b2_list_unfinished_large_files", Map.of("bucketId", bucketId)).get("files"))
        .hasSize(1);
  }
}
