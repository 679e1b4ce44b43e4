package dev.stowage.b2.emulator;

import java.util.Objects;

/** A routing table entry: the credentials a call needs and the handler that answers it. */
record Route(AuthKind auth, Handler handler) {
  Route {
    Objects.requireNonNull(auth, "auth");
    Objects.requireNonNull(handler, "handler");
  }
}
