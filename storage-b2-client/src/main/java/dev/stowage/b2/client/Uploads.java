package dev.stowage.b2.client;

import java.io.InputStream;
import java.util.Map;
import okhttp3.Request;
import org.jspecify.annotations.Nullable;

/** Builds the upload requests ({@code b2_upload_file}, {@code b2_upload_part}) and runs them. */
final class Uploads {
  private Uploads() {}

  static B2FileVersion uploadFile(
      Transport t, B2UploadUrl url, B2UploadFileRequest r, InputStream body) {
    String sha1 = r.contentSha1();
    Request.Builder b =
        new Request.Builder()
            .url(url.uploadUrl())
            // The body has no media type so that OkHttp sends Content-Type exactly as given
            // (b2/x-auto too).
            .post(new UploadBody(null, body, r.contentLength(), sha1 == null))
            .header("Authorization", url.authorizationToken())
            .header("X-Bz-File-Name", Names.encode(r.fileName()))
            .header("Content-Type", r.contentType())
            .header("X-Bz-Content-Sha1", sha1 == null ? "hex_digits_at_end" : sha1)
            .tag(CallTag.class, CallTag.explicit("b2_upload_file"));
    for (Map.Entry<String, String> e : r.fileInfo().entrySet()) {
      b.header("X-Bz-Info-" + e.getKey(), Names.encode(e.getValue()));
    }
    return t.readJson(b.build(), "b2_upload_file", B2FileVersion.class);
  }

  static B2Part uploadPart(
      Transport t,
      B2UploadUrl url,
      int partNumber,
      long length,
      @Nullable String sha1,
      InputStream body) {
    if (partNumber < 1 || partNumber > 10_000) {
      throw new IllegalArgumentException("partNumber must be 1..10000: " + partNumber);
    }
    Request request =
        new Request.Builder()
            .url(url.uploadUrl())
            .post(new UploadBody(null, body, length, sha1 == null))
            .header("Authorization", url.authorizationToken())
            .header("X-Bz-Part-Number", Integer.toString(partNumber))
            .header("X-Bz-Content-Sha1", sha1 == null ? "hex_digits_at_end" : sha1)
            .tag(CallTag.class, CallTag.explicit("b2_upload_part"))
            .build();
    return t.readJson(request, "b2_upload_part", B2Part.class);
  }
}
