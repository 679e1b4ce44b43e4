package dev.stowage.s3;

import dev.stowage.ByteRange;
import dev.stowage.Checksum;
import dev.stowage.ChecksumAlgorithm;
import dev.stowage.FileAttributes;
import dev.stowage.StorageException;
import dev.stowage.Visibility;
import dev.stowage.VisibilityMode;
import dev.stowage.spi.BackendException;
import dev.stowage.spi.VerifyingInputStream;
import java.io.InputStream;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.services.s3.model.EncodingType;
import software.amazon.awssdk.services.s3.model.GetObjectAclResponse;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.Grant;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.Permission;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.Type;

/** The read side: existence, attributes, visibility, native checksums and object bodies. */
final class S3Reader {

  static final String ALL_USERS = "http://acs.amazonaws.com/groups/global/AllUsers";

  private final S3Context s3;

  S3Reader(S3Context s3) {
    this.s3 = s3;
  }

  /** Returns the HeadObject of {@code path}, or fails with NOT_FOUND (BUCKET_NOT_FOUND). */
  HeadObjectResponse head(String path) {
    try {
      return s3.client().headObject(b -> b.bucket(s3.bucket()).key(s3.keys().file(path)));
    } catch (S3Exception e) {
      if (e.statusCode() == 404 && s3.bucketMissing()) {
        throw s3.missingBucket(e);
      }
      throw s3.fail(e, false);
    } catch (RuntimeException e) {
      throw s3.fail(e, false);
    }
  }

  boolean fileExists(String path) {
    try {
      s3.client().headObject(b -> b.bucket(s3.bucket()).key(s3.keys().file(path)));
      return true;
    } catch (S3Exception e) {
      if (e.statusCode() == 404) {
        if (s3.bucketMissing()) {
          throw s3.missingBucket(e);
        }
        return false;
      }
      throw s3.fail(e);
    } catch (RuntimeException e) {
      throw s3.fail(e);
    }
  }

  /** Returns whether a marker or any key lies under {@code path/}: one LIST of at most one key. */
  boolean directoryExists(String path) {
    if (path.isEmpty()) {
      return true;
    }
    try {
      ListObjectsV2Response r =
          s3.client()
              .listObjectsV2(
                  b ->
                      b.bucket(s3.bucket())
                          .prefix(s3.keys().directory(path))
                          .encodingType(EncodingType.URL)
                          .maxKeys(1));
      return r.hasContents() && !r.contents().isEmpty();
    } catch (RuntimeException e) {
      throw s3.fail(e);
    }
  }

  FileAttributes stat(String path) {
    HeadObjectResponse h = head(path);
    Visibility v =
        s3.config().visibilityMode() == VisibilityMode.PER_OBJECT
            ? objectVisibility(path)
            : s3.bucketLevelVisibility();
    return S3Attributes.of(path, h, v);
  }

  /** Reads the object ACL: public when the AllUsers group may read. */
  Visibility objectVisibility(String path) {
    try {
      GetObjectAclResponse acl =
          s3.client().getObjectAcl(b -> b.bucket(s3.bucket()).key(s3.keys().file(path)));
      for (Grant g : acl.grants()) {
        boolean everyone =
            g.grantee() != null
                && g.grantee().type() == Type.GROUP
                && ALL_USERS.equals(g.grantee().uri());
        if (everyone
            && (g.permission() == Permission.READ || g.permission() == Permission.FULL_CONTROL)) {
          return Visibility.PUBLIC;
        }
      }
      return Visibility.PRIVATE;
    } catch (RuntimeException e) {
      throw s3.fail(e, false);
    }
  }

  /**
   * Returns the object's bytes. A whole-object read of a single-part object (MD5 ETag, no
   * SSE-KMS/SSE-C) is verified against the ETag at its end: a mismatch fails the read with an
   * IOException whose cause is an INTEGRITY {@link BackendException} naming both digests. See
   * {@link S3Integrity} for what is not verified.
   */
  InputStream read(String path, @Nullable ByteRange range) {
    GetObjectRequest.Builder b =
        GetObjectRequest.builder().bucket(s3.bucket()).key(s3.keys().file(path));
    if (range != null) {
      b.range(range.httpHeader());
    }
    try {
      ResponseInputStream<GetObjectResponse> in = s3.client().getObject(b.build());
      Long length = in.response().contentLength();
      long size = length == null ? -1 : length;
      InputStream body = new ObjectStream(in, size);
      Checksum expected = S3Integrity.expected(in.response(), range, s3.config().profile());
      return expected == null
          ? body
          : new VerifyingInputStream(body, path, expected, size, S3Integrity.SOURCE);
    } catch (RuntimeException e) {
      BackendException se = s3.fail(e);
      if (se.kind() == StorageException.Kind.RANGE_NOT_SATISFIABLE && range != null) {
        // S3 refuses any range of an empty object; a range that is empty there reads nothing.
        long size = head(path).contentLength();
        ByteRange.Resolved r = range.resolve(size);
        if (r != null && r.length() == 0) {
          return InputStream.nullInputStream();
        }
      }
      throw se;
    }
  }

  /** Returns the MD5 when the ETag is one (single-part upload, no SSE-KMS/SSE-C), else empty. */
  Optional<Checksum> checksum(String path, ChecksumAlgorithm algorithm) {
    if (algorithm != ChecksumAlgorithm.MD5) {
      return Optional.empty();
    }
    FileAttributes a = S3Attributes.of(path, head(path), null);
    String md5 = a.checksums().get(ChecksumAlgorithm.MD5);
    return md5 == null ? Optional.empty() : Optional.of(new Checksum(ChecksumAlgorithm.MD5, md5));
  }
}
