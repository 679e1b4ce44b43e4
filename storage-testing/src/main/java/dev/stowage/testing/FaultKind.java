package dev.stowage.testing;

/** The kinds of {@link Fault} a {@link FaultProxy} can inject; {@link #NONE} forwards untouched. */
public enum FaultKind {
  /** No fault: bytes pass through unchanged. */
  NONE,
  /** The connection is reset (RST) after some response bytes. */
  RESET,
  /** Forwarding stops in one or both directions while the sockets stay open. */
  STALL,
  /** The response ends cleanly (FIN) after some bytes. */
  TRUNCATE,
  /** Both directions are throttled to a byte rate. */
  SLOW,
  /** The connection is reset as soon as it is accepted, before any byte moves. */
  REFUSE,
  /** One byte of the response body (after the first blank line) is flipped. */
  FLIP
}
