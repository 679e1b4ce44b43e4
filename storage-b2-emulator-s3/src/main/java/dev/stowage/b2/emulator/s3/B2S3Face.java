package dev.stowage.b2.emulator.s3;

import dev.stowage.b2.emulator.B2Emulator;
import java.net.URI;
import java.util.Objects;
import org.gaul.s3proxy.GatedS3Server;

/**
 * B2's S3-compatible API over a running {@link B2Emulator}: the same buckets, files and versions as its native API,
 * on a second loopback port. S3Proxy's servlet speaks the S3 protocol (SigV4 headers and presigned URLs, XML,
 * multipart,
 * ranges); the B2 rules are this module's:
 * <ul>
 *   <li>requests are signed with an application key's id and secret; the master key is refused
 *       ({@code InvalidAccessKeyId}), as B2 refuses it;</li>
 *   <li>each operation needs its capability ({@code listAllBucketNames} for ListBuckets, {@code listFiles},
 *       {@code readFiles}, {@code writeFiles}, {@code deleteFiles} ...), and a key restricted to a bucket or a name
 *       prefix sees only that;</li>
 *   <li>visibility is the bucket's ({@code allPublic} allows anonymous GET); an object ACL other than the bucket's
 *       is refused;</li>
 *   <li>DeleteObject without a version hides the name (a DeleteMarker in ListObjectVersions); with a version it
 *       deletes that version unless Object Lock holds it;</li>
 *   <li>multipart uploads are large files (abort = cancel); single-part ETags are the MD5;</li>
 *   <li>flexible checksum headers are refused or accepted per {@link ChecksumHeaders};</li>
 *   <li>the bucket's native CORS rules answer preflights and actual requests for the {@code s3_*} operations.</li>
 * </ul>
 *
 * <pre>{@code
 * try (B2Emulator b2 = B2Emulator.builder().start();
 *      B2S3Face s3 = B2S3Face.builder(b2).start()) {
 *     URI endpoint = s3.endpoint();  // also b2_authorize_account's s3ApiUrl from now on
 * }
 * }</pre>
 *
 * <p>Closing the face stops its port and points {@code s3ApiUrl} back at the emulator; the emulator keeps running.
 */
public final class B2S3Face implements AutoCloseable {
  /** The region the face answers and expects in signatures' scope (any region is accepted). */
  public static final String REGION = "us-west-004";

  private final GatedS3Server server;
  private final B2Emulator emulator;
  private final URI endpoint;

  private B2S3Face(Builder b) throws Exception {
    this.emulator = b.emulator;
    this.server =
        new GatedS3Server(
            new EmulatorBlobStore(emulator.store(), null, b.checksums),
            new KeyLocator(emulator.store(), b.checksums),
            new B2Gate(emulator.store(), b.checksums),
            b.port);
    server.start();
    this.endpoint = URI.create("http://127.0.0.1:" + server.port());
    emulator.s3ApiUrl(endpoint.toString());
  }

  /** Returns a builder for a face over {@code emulator}. */
  public static Builder builder(B2Emulator emulator) {
    return new Builder(Objects.requireNonNull(emulator, "emulator"));
  }

  /** Starts a face over {@code emulator} on a free port, refusing checksum headers. */
  public static B2S3Face start(B2Emulator emulator) {
    return builder(emulator).start();
  }

  /** Returns the S3 endpoint, e.g. {@code http://127.0.0.1:41235}; path-style and virtual-host requests work. */
  public URI endpoint() {
    return endpoint;
  }

  /** Returns the port the face listens on. */
  public int port() {
    return server.port();
  }

  /** Stops the face and, unless another face took over since, points {@code s3ApiUrl} back at the emulator. */
  @Override
  public void close() {
    if (endpoint.toString().equals(emulator.s3ApiUrl())) {
      emulator.s3ApiUrl(null);
    }
    try {
      server.stop();
    } catch (Exception e) {
      throw new IllegalStateException("the S3 face did not stop", e);
    }
  }

  @Override
  public String toString() {
    return "B2S3Face[" + endpoint + "]";
  }

  /** Configures and starts a {@link B2S3Face}; setters validate at once. */
  public static final class Builder {
    private final B2Emulator emulator;
    private int port;
    private ChecksumHeaders checksums = ChecksumHeaders.REJECT;

    private Builder(B2Emulator emulator) {
      this.emulator = emulator;
    }

    /** Sets the port; 0 (the default) picks a free one. */
    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port must be 0..65535 but was " + port);
      }
      this.port = port;
      return this;
    }

    /** Sets what happens to {@code x-amz-checksum-*} headers; default {@link ChecksumHeaders#REJECT}. */
    public Builder checksumHeaders(ChecksumHeaders mode) {
      this.checksums = Objects.requireNonNull(mode, "mode");
      return this;
    }

    /**
     * Starts the face on 127.0.0.1 and makes {@code b2_authorize_account} answer its URL as {@code s3ApiUrl}.
     *
     * @throws IllegalStateException if the port cannot be bound or the server does not start
     */
    public B2S3Face start() {
      try {
        return new B2S3Face(this);
      } catch (RuntimeException e) {
        throw e;
      } catch (Exception e) {
        throw new IllegalStateException("the S3 face did not start: " + e.getMessage(), e);
      }
    }
  }
}
