package dev.stowage.tck;

import dev.stowage.ByteRange;
import dev.stowage.Capability;
import dev.stowage.Filesystem;
import dev.stowage.UploadConstraints;
import dev.stowage.Visibility;
import dev.stowage.WriteOptions;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;

/** The calls behind {@link ErrorContract}'s rows. */
final class ErrorCalls {

  private ErrorCalls() {}

  static void call(Filesystem fs, ErrorContract.MissingFileCall call, String path, String other) {
    switch (call) {
      case READ:
        fs.read(path);
        break;
      case READ_STREAM:
        KitData.readAll(fs.readStream(path));
        break;
      case STAT:
        fs.stat(path);
        break;
      case FILE_SIZE:
        fs.fileSize(path);
        break;
      case COPY:
        fs.copy(path, other);
        break;
      case MOVE:
        fs.move(path, other);
        break;
      case CHECKSUM:
        fs.checksum(path);
        break;
      default:
        fs.setVisibility(path, Visibility.PRIVATE);
    }
  }

  static void assumeUndeclared(KitFixture kit, ErrorContract.Gated gated) {
    boolean declared =
        gated == ErrorContract.Gated.VISIBILITY
            ? kit.has(Capability.VISIBILITY_PER_OBJECT)
                || kit.has(Capability.VISIBILITY_BUCKET_LEVEL)
            : kit.has(Capability.valueOf(gated.name()));
    String needed =
        gated == ErrorContract.Gated.VISIBILITY
            ? "VISIBILITY_PER_OBJECT or VISIBILITY_BUCKET_LEVEL"
            : gated.name();
    Assumptions.assumeFalse(
        declared, "applies only without " + needed + " (declared by this adapter)");
  }

  static void use(Filesystem fs, ErrorContract.Gated gated, String d) {
    WriteOptions.Builder options = WriteOptions.builder();
    String target = d + "/new.txt";
    switch (gated) {
      case CREATE_ONLY:
        fs.write(target, "x", options.createOnly(true).build());
        break;
      case CACHE_CONTROL:
        fs.write(target, "x", options.cacheControl("no-cache").build());
        break;
      case CONTENT_DISPOSITION:
        fs.write(target, "x", options.contentDisposition("inline").build());
        break;
      case CONTENT_ENCODING:
        fs.write(target, "x", options.contentEncoding("identity").build());
        break;
      case USER_METADATA:
        fs.write(target, "x", options.userMetadata("k", "v").build());
        break;
      case CONTENT_TYPE:
        fs.write(target, "x", options.contentType("text/plain").build());
        break;
      case RANGE_READ:
        KitData.readAll(fs.readStream(d + "/existing.txt", ByteRange.of(0, 1)));
        break;
      case PUBLIC_URL:
        fs.publicUrl(d + "/existing.txt");
        break;
      case TEMPORARY_URL:
        fs.temporaryUrl(d + "/existing.txt", Duration.ofMinutes(1));
        break;
      case PREPARE_UPLOAD:
        fs.prepareUpload(target, Duration.ofMinutes(1), UploadConstraints.NONE);
        break;
      default:
        fs.write(target, "x", options.visibility(Visibility.PUBLIC).build());
    }
  }
}
