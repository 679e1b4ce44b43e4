package dev.stowage.testing;

/**
 * A fault a {@link FaultProxy} injects into one proxied connection. Byte offsets count the bytes
 * of the named direction since the connection opened, across every request and response it
 * carries (HTTP keep-alive included). A fault whose offset is never reached does not fire.
 *
 * <pre>{@code
 * FaultSchedule schedule = FaultSchedule.scripted(
 *     Fault.reset(100), Fault.stall(Fault.Direction.RESPONSE, 0), Fault.truncate(10));
 * }</pre>
 */
public sealed interface Fault
    permits Fault.None,
        Fault.Reset,
        Fault.Stall,
        Fault.Truncate,
        Fault.Slow,
        Fault.Refuse,
        Fault.Flip {

  /** Which way bytes travel: client to server, server to client, or both. */
  enum Direction {
    /** Bytes the client sends to the server. */
    REQUEST,
    /** Bytes the server sends to the client. */
    RESPONSE,
    /** Both directions (offsets count response bytes). */
    BOTH
  }

  /** Returns the kind of this fault, the key under which a schedule counts it. */
  FaultKind kind();

  /** Returns the fault that forwards every byte unchanged. */
  static Fault none() {
    return None.INSTANCE;
  }

  /** Returns a reset (RST, SO_LINGER 0) after {@code responseBytes} bytes of response. */
  static Fault reset(long responseBytes) {
    return new Reset(responseBytes);
  }

  /** Returns a stall of {@code direction} once {@code afterBytes} bytes have passed that way. */
  static Fault stall(Direction direction, long afterBytes) {
    return new Stall(direction, afterBytes);
  }

  /** Returns a clean close after {@code responseBytes} bytes of response. */
  static Fault truncate(long responseBytes) {
    return new Truncate(responseBytes);
  }

  /** Returns a throttle of both directions to {@code bytesPerSecond}. */
  static Fault slow(long bytesPerSecond) {
    return new Slow(bytesPerSecond);
  }

  /** Returns a reset of the connection as soon as it is accepted. */
  static Fault refuse() {
    return Refuse.INSTANCE;
  }

  /** Returns a flip of the response byte {@code bodyOffset} bytes past the first blank line. */
  static Fault flip(long bodyOffset) {
    return new Flip(bodyOffset);
  }

  /** Forwards every byte unchanged. */
  record None() implements Fault {
    static final None INSTANCE = new None();

    @Override
    public FaultKind kind() {
      return FaultKind.NONE;
    }
  }

  /** Resets the connection (RST to the client) after {@code responseBytes} bytes of response. */
  record Reset(long responseBytes) implements Fault {
    /** Checks that the offset is not negative. */
    public Reset {
      requireNonNegative("responseBytes", responseBytes);
    }

    @Override
    public FaultKind kind() {
      return FaultKind.RESET;
    }
  }

  /**
   * Stops forwarding in {@code direction} once {@code afterBytes} bytes have passed that way
   * ({@link Direction#BOTH}: once that many response bytes have passed, both stop). The sockets
   * stay open until the client closes its side or the proxy is closed.
   */
  record Stall(Direction direction, long afterBytes) implements Fault {
    /** Checks the direction and that the offset is not negative. */
    public Stall {
      if (direction == null) {
        throw new IllegalArgumentException("direction is required");
      }
      requireNonNegative("afterBytes", afterBytes);
    }

    @Override
    public FaultKind kind() {
      return FaultKind.STALL;
    }
  }

  /** Forwards {@code responseBytes} bytes of response, then closes both sides cleanly (FIN). */
  record Truncate(long responseBytes) implements Fault {
    /** Checks that the offset is not negative. */
    public Truncate {
      requireNonNegative("responseBytes", responseBytes);
    }

    @Override
    public FaultKind kind() {
      return FaultKind.TRUNCATE;
    }
  }

  /** Throttles each direction to {@code bytesPerSecond}. */
  record Slow(long bytesPerSecond) implements Fault {
    /** Checks that the rate is positive. */
    public Slow {
      if (bytesPerSecond <= 0) {
        throw new IllegalArgumentException(
            "bytesPerSecond must be positive, was " + bytesPerSecond);
      }
    }

    @Override
    public FaultKind kind() {
      return FaultKind.SLOW;
    }
  }

  /** Resets the connection as soon as it is accepted; the server never sees it. */
  record Refuse() implements Fault {
    static final Refuse INSTANCE = new Refuse();

    @Override
    public FaultKind kind() {
      return FaultKind.REFUSE;
    }
  }

  /**
   * Flips (XOR 0x01) the response byte {@code bodyOffset} bytes past the end of the first
   * {@code CRLF CRLF} of the connection's response stream, i.e. inside the first body.
   */
  record Flip(long bodyOffset) implements Fault {
    /** Checks that the offset is not negative. */
    public Flip {
      requireNonNegative("bodyOffset", bodyOffset);
    }

    @Override
    public FaultKind kind() {
      return FaultKind.FLIP;
    }
  }

  private static void requireNonNegative(String name, long value) {
    if (value < 0) {
      throw new IllegalArgumentException(name + " must not be negative, was " + value);
    }
  }
}
