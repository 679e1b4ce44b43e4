package dev.stowage.b2.emulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import org.jspecify.annotations.Nullable;

/**
 * {@code b2_list_file_names} and {@code b2_list_file_versions}: byte-order names, newest version first,
 * inclusive start points, prefix and delimiter folders, and {@code maxFileCount} limits. A key with a name
 * prefix gets 401 for listings outside it on v2+, and a quietly filtered listing on v1.
 */
final class Listing {
  private final Context ctx;

  Listing(Context ctx) {
    this.ctx = ctx;
  }

  Map<String, Route> routes() {
    return Map.of(
        "b2_list_file_names", new Route(AuthKind.ACCOUNT, call -> list(call, false)),
        "b2_list_file_versions", new Route(AuthKind.ACCOUNT, call -> list(call, true)));
  }

  /** Resolves a page size: null or 0 means the default; negative is a bad request; above max is out of range. */
  static int count(@Nullable Long requested, int defaultCount, int max) {
    if (requested == null || requested == 0) {
      return defaultCount;
    }
    if (requested < 0) {
      throw B2Error.BAD_REQUEST.exception("count must not be negative: " + requested);
    }
    if (requested > max) {
      throw B2Error.OUT_OF_RANGE.exception(
          "maxFileCount out of range: " + requested + " (at most " + max + ")");
    }
    return requested.intValue();
  }

  private Reply list(Call call, boolean versions) throws IOException {
    Params p = call.params();
    String bucketId = p.string("bucketId");
    Principal who = call.principal().require(Capabilities.LIST_FILES).requireBucket(bucketId);
    ctx.bucket(bucketId);
    String prefix = p.optString("prefix") == null ? "" : p.optString("prefix");
    String delimiter = p.optString("delimiter");
    if (delimiter != null && delimiter.isEmpty()) {
      delimiter = null;
    }
    String startName = p.optString("startFileName");
    String startId = versions ? p.optString("startFileId") : null;
    if (startId != null && startName == null) {
      throw B2Error.BAD_REQUEST.exception("startFileId needs startFileName");
    }
    int max = count(p.optLong("maxFileCount"), 100, 10_000);
    String keyPrefix = who.key().namePrefix();
    if (keyPrefix != null && !prefix.startsWith(keyPrefix) && call.apiVersion() >= 2) {
      throw B2Error.UNAUTHORIZED.exception(
          "the key is restricted to names starting with " + keyPrefix);
    }
    Page page = new Page(call.apiVersion(), max, versions, ctx.accountId(), call.principal().key());
    String delim = delimiter;
    ctx.catalog()
        .readNames(
            bucketId,
            names -> {
              scan(names, prefix, delim, startName, startId, keyPrefix, page);
              return null;
            });
    ObjectNode n = Json.object();
    n.set("files", page.files);
    n.put("nextFileName", page.nextName);
    if (versions) {
      n.put("nextFileId", page.nextId);
    }
    return Reply.ok(n);
  }

  /** Collects one page of entries. */
  private static final class Page {
    final int apiVersion;
    final int max;
    final boolean versions;
    final String accountId;
    final ArrayNode files = Json.array();
    @Nullable String nextName;
    @Nullable String nextId;

    final @Nullable AppKey reader;

    Page(int apiVersion, int max, boolean versions, String accountId, @Nullable AppKey reader) {
      this.reader = reader;
      this.apiVersion = apiVersion;
      this.max = max;
      this.versions = versions;
      this.accountId = accountId;
    }

    /** Adds an entry, or records it as the resume point when the page is full; false when full. */
    boolean add(String name, @Nullable String fileId, ObjectNode entry) {
      if (files.size() == max) {
        nextName = name;
        nextId = fileId;
        return false;
      }
      files.add(entry);
      return true;
    }
  }

  private static void scan(
      NavigableMap<String, List<FileVersion>> names,
      String prefix,
      @Nullable String delimiter,
      @Nullable String startName,
      @Nullable String startId,
      @Nullable String keyPrefix,
      Page page) {
    String from =
        startName != null && Names.compareCodePoints(startName, prefix) > 0 ? startName : prefix;
    String folder = null;
    for (Map.Entry<String, List<FileVersion>> e : names.tailMap(from, true).entrySet()) {
      String name = e.getKey();
      if (!name.startsWith(prefix)) {
        break;
      }
      if (folder != null && name.startsWith(folder)) {
        continue;
      }
      if (keyPrefix != null && !name.startsWith(keyPrefix)) {
        continue;
      }
      if (delimiter != null) {
        int at = name.indexOf(delimiter, prefix.length());
        if (at >= 0) {
          String candidate = name.substring(0, at + delimiter.length());
          if (hasVisible(e.getValue(), page.versions)) {
            folder = candidate;
            if (!page.add(folder, null, Shapes.folder(folder, page.apiVersion))) {
              return;
            }
          }
          continue;
        }
      }
      if (!addName(name, e.getValue(), startName, startId, page)) {
        return;
      }
    }
  }

  /** A folder shows when at least one of its names would be listed; checked on the first name only. */
  private static boolean hasVisible(List<FileVersion> versions, boolean all) {
    return all || newestDone(versions) != null;
  }

  private static @Nullable FileVersion newestDone(List<FileVersion> versions) {
    for (FileVersion v : versions) {
      if (!v.isStart()) {
        return v.isUpload() ? v : null;
      }
    }
    return null;
  }

  private static boolean addName(
      String name,
      List<FileVersion> versions,
      @Nullable String startName,
      @Nullable String startId,
      Page page) {
    if (!page.versions) {
      FileVersion v = newestDone(versions);
      return v == null
          || page.add(
              name, v.fileId(), Shapes.file(v, page.accountId, page.apiVersion, page.reader));
    }
    boolean started = startId == null || !name.equals(startName);
    for (FileVersion v : versions) {
      started = started || v.fileId().equals(startId);
      if (started
          && !page.add(
              name, v.fileId(), Shapes.file(v, page.accountId, page.apiVersion, page.reader))) {
        return false;
      }
    }
    return true;
  }
}
