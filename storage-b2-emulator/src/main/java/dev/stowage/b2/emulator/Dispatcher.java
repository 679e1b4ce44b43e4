package dev.stowage.b2.emulator;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one HTTP handler: parses each request once into a {@link Call}, answers CORS preflights, then runs the
 * layers in order (faults and test mode, authentication, routing by {@code b2_*} name through the table) and
 * writes the reply. Every answer carries {@code Date} (added by the JDK server) and a real
 * {@code Content-Length}; no reply uses chunked encoding. Request and response bodies go through the
 * {@link RequestWatchdog}'s guard, so a client that stops sending or reading is cut off after the idle timeout.
 */
final class Dispatcher implements HttpHandler {
  private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);

  /** Thrown to make the JDK server drop the connection without (the rest of) an answer. */
  static final class ConnectionDrop extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ConnectionDrop() {
      super("injected connection drop", null, false, false);
    }
  }

  private final Map<String, Route> routes;
  private final Authenticator authenticator;
  private final FaultLayer faults;
  private final Cors cors;

  Dispatcher(Map<String, Route> routes, Authenticator authenticator, FaultLayer faults, Cors cors) {
    this.routes = Map.copyOf(routes);
    this.authenticator = authenticator;
    this.faults = faults;
    this.cors = cors;
  }

  @Override
  public void handle(HttpExchange ex) throws IOException {
    RequestWatchdog.Guard guard = RequestWatchdog.current();
    guard.disarm();
    ex.setStreams(guard.in(ex.getRequestBody()), guard.out(ex.getResponseBody()));
    Call call = null;
    Reply reply;
    Fault late = null;
    try {
      call = parse(ex);
      if (call.method().equals("OPTIONS")) {
        reply = cors.preflight(call);
      } else {
        Route route = routes.get(call.operation());
        if (route == null) {
          throw B2Error.NOT_FOUND.exception("unknown call " + call.operation());
        }
        late = faults.before(call, route.auth());
        if (late instanceof Fault.Reset) {
          dropMidBody(ex);
        }
        authenticator.authenticate(route.auth(), call);
        reply = route.handler().handle(call);
      }
    } catch (B2Exception e) {
      reply = Reply.error(e);
    } catch (ConnectionDrop e) {
      throw e;
    } catch (RequestWatchdog.ConnectionLostException e) {
      LOG.debug("closing {}: {}", ex.getRequestURI().getRawPath(), e.getMessage());
      throw new ConnectionDrop();
    } catch (IOException | RuntimeException e) {
      LOG.warn("internal error answering {}", ex.getRequestURI().getRawPath(), e);
      reply = Reply.error(B2Error.INTERNAL_ERROR.exception(e.getClass().getSimpleName()));
    }
    if (call != null && !call.method().equals("OPTIONS")) {
      cors.decorate(call, reply);
    }
    guard.arm();
    try {
      send(ex, reply, late);
    } finally {
      guard.disarm();
    }
  }

  private static void dropMidBody(HttpExchange ex) throws IOException {
    InputStream in = ex.getRequestBody();
    String length = ex.getRequestHeaders().getFirst("Content-Length");
    long half = length == null ? 1024 : Long.parseLong(length.trim()) / 2;
    in.readNBytes((int) Math.min(half, 1 << 20));
    throw new ConnectionDrop();
  }

  private static Call parse(HttpExchange ex) {
    String raw = ex.getRequestURI().getRawPath();
    Map<String, String> query = Names.parseQuery(ex.getRequestURI().getRawQuery());
    if (raw.startsWith("/b2api/")) {
      String[] seg = raw.substring("/b2api/".length()).split("/", -1);
      int version = seg[0].matches("v[1-4]") ? seg[0].charAt(1) - '0' : -1;
      if (version < 0 || seg.length < 2) {
        throw B2Error.NOT_FOUND.exception("unknown API version or call: " + raw);
      }
      List<String> args = Arrays.asList(seg).subList(2, seg.length);
      return new Call(ex, version, seg[1], args, query);
    }
    if (raw.startsWith("/file/")) {
      String rest = raw.substring("/file/".length());
      int slash = rest.indexOf('/');
      if (slash <= 0 || slash == rest.length() - 1) {
        throw B2Error.NOT_FOUND.exception("expected /file/BUCKET/NAME");
      }
      return new Call(
          ex,
          0,
          "b2_download_file_by_name",
          List.of(Names.decode(rest.substring(0, slash)), Names.decode(rest.substring(slash + 1))),
          query);
    }
    if (raw.equals("/emulator/lifecycle")) {
      return new Call(ex, 0, "emulator_lifecycle", List.of(), query);
    }
    throw B2Error.NOT_FOUND.exception("not found: " + raw);
  }

  private void send(HttpExchange ex, Reply reply, @Nullable Fault late) throws IOException {
    Headers headers = ex.getResponseHeaders();
    reply.headers().forEach(headers::set);
    boolean head = ex.getRequestMethod().equalsIgnoreCase("HEAD");
    boolean body = !head && reply.body() != null && reply.length() > 0;
    try {
      if (late instanceof Fault.Stall && !body) {
        hold(((Fault.Stall) late).maxHold());
      }
      if (head) {
        if (reply.status() < 300) {
          headers.set("Content-Length", Long.toString(reply.length()));
        }
        ex.sendResponseHeaders(reply.status(), -1);
        return;
      }
      if (!body) {
        // -1 makes the JDK send "Content-Length: 0"; 0 would switch to chunked encoding
        ex.sendResponseHeaders(reply.status(), -1);
        return;
      }
      ex.sendResponseHeaders(reply.status(), reply.length());
      if (late instanceof Fault.Stall) {
        hold(((Fault.Stall) late).maxHold());
      }
      OutputStream out = ex.getResponseBody();
      if (late instanceof Fault.Truncate) {
        out = new DroppingOutputStream(out, reply.length() / 2);
      } else if (late instanceof Fault.Corrupt
          && reply.status() < 300
          && (((Fault.Corrupt) late).ranges() || reply.status() != 206)) {
        out = new FlippingOutputStream(out, faults.corruptPosition(reply.length()));
      }
      Objects.requireNonNull(reply.body(), "body").writeTo(out);
      out.flush();
    } finally {
      ex.close();
    }
  }

  /**
   * Holds the connection for a {@link Fault.Stall}: sends nothing for {@code maxHold} (or until the emulator
   * shuts down, which interrupts this thread), then drops the connection. The request watchdog is disarmed
   * while holding, so the idle timeout does not end the stall.
   */
  private static void hold(java.time.Duration maxHold) {
    RequestWatchdog.Guard guard = RequestWatchdog.current();
    guard.disarm();
    try {
      Thread.sleep(maxHold.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    throw new ConnectionDrop();
  }

  /** Passes everything, except that the byte at {@code position} is flipped. */
  private static final class FlippingOutputStream extends FilterOutputStream {
    private final long position;
    private long written;

    FlippingOutputStream(OutputStream out, long position) {
      super(out);
      this.position = position;
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      if (position >= written && position < written + len) {
        byte[] copy = java.util.Arrays.copyOfRange(b, off, off + len);
        copy[(int) (position - written)] ^= (byte) 0xff;
        out.write(copy, 0, len);
      } else {
        out.write(b, off, len);
      }
      written += len;
    }
  }

  /** Passes the first {@code limit} bytes, then drops the connection. */
  private static final class DroppingOutputStream extends FilterOutputStream {
    private long remaining;

    DroppingOutputStream(OutputStream out, long limit) {
      super(out);
      this.remaining = limit;
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      int n = (int) Math.min(len, remaining);
      out.write(b, off, n);
      remaining -= n;
      if (n < len) {
        out.flush();
        throw new ConnectionDrop();
      }
    }
  }
}
