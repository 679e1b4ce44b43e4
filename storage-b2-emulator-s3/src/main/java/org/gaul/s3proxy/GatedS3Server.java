package org.gaul.s3proxy;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.shaded.org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.gaul.shaded.org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.gaul.shaded.org.eclipse.jetty.http.HttpCompliance;
import org.gaul.shaded.org.eclipse.jetty.http.UriCompliance;
import org.gaul.shaded.org.eclipse.jetty.server.HttpConfiguration;
import org.gaul.shaded.org.eclipse.jetty.server.HttpConnectionFactory;
import org.gaul.shaded.org.eclipse.jetty.server.Server;
import org.gaul.shaded.org.eclipse.jetty.server.ServerConnector;
import org.gaul.shaded.org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/**
 * S3Proxy's S3 servlet on its own loopback Jetty server, with a gate in front that may answer a request itself (an
 * S3 error document, or e.g. a CORS preflight) before S3Proxy sees it. It lives in S3Proxy's package because the
 * servlet's constructor and error renderer are package-private there; S3Proxy's own {@code S3Proxy} class offers
 * no hook before its handler runs. Part of the Stowage B2 emulator's S3 face, not of S3Proxy.
 */
// Class-level, not package-info: this package is S3Proxy's own, and a package-info here would split
// it.
@NullMarked
public final class GatedS3Server {
  /** Looks at a request before S3Proxy does. */
  public interface Gate {
    /**
     * Returns null to let S3Proxy handle the request, or a refusal to answer with instead. The gate may also
     * answer the request itself (then it returns {@link Refusal#ANSWERED}) or add response headers and pass.
     */
    @Nullable Refusal check(HttpServletRequest request, HttpServletResponse response)
        throws IOException;
  }

  /** An S3 error answer: HTTP status, S3 error code and message. */
  public record Refusal(int status, String code, @Nullable String message) {
    /** The gate wrote the whole answer itself. */
    public static final Refusal ANSWERED = new Refusal(0, "", "");
  }

  private final Server server;
  private final ServerConnector connector;

  /**
   * Builds (does not start) a server on 127.0.0.1:{@code port} (0 = free port). Signed requests find their store
   * and secret through {@code locator}; unsigned ones use {@code anonymous}.
   */
  public GatedS3Server(BlobStore anonymous, BlobStoreLocator locator, Gate gate, int port) {
    // The servlet needs one identity to start; the locator replaces it, so this random one opens
    // nothing.
    String unused = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
    S3ProxyHandlerJetty inner =
        new S3ProxyHandlerJetty(
            anonymous,
            AuthenticationType.AWS_V4,
            unused,
            unused,
            null,
            5L << 30,
            128L << 20,
            16 << 20,
            true,
            null,
            null,
            900,
            null);
    inner.getHandler().setBlobStoreLocator(locator);
    HttpServlet outer =
        new HttpServlet() {
          private static final long serialVersionUID = 1L;

          @Override
          protected void service(HttpServletRequest request, HttpServletResponse response)
              throws ServletException, IOException {
            Refusal refusal = gate.check(request, response);
            if (refusal == Refusal.ANSWERED) {
              return;
            }
            if (refusal != null) {
              inner
                  .getHandler()
                  .sendSimpleErrorResponse(
                      request,
                      response,
                      refusal.code(),
                      refusal.status(),
                      refusal.message(),
                      Map.of());
              return;
            }
            inner.service(request, response);
          }
        };
    QueuedThreadPool pool = new QueuedThreadPool(64);
    pool.setName("b2-s3-face");
    pool.setDaemon(true);
    server = new Server(pool);
    HttpConfiguration http = new HttpConfiguration();
    http.setHttpCompliance(HttpCompliance.LEGACY);
    http.setUriCompliance(UriCompliance.LEGACY);
    http.setHeaderCacheCaseSensitive(true);
    http.setSendServerVersion(false);
    connector = new ServerConnector(server, new HttpConnectionFactory(http));
    connector.setHost("127.0.0.1");
    connector.setPort(port);
    server.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler();
    context.addServlet(new ServletHolder(outer), "/*");
    server.setHandler(context);
    server.setErrorHandler(new S3ErrorHandler());
    server.setStopTimeout(0);
  }

  /** Starts listening. */
  public void start() throws Exception {
    server.start();
  }

  /** Returns the bound port (after {@link #start()}). */
  public int port() {
    return connector.getLocalPort();
  }

  /** Stops at once. */
  public void stop() throws Exception {
    server.stop();
  }
}
