package dev.stowage.b2.emulator;

import java.io.IOException;

/** Answers one kind of call. */
@FunctionalInterface
interface Handler {
  Reply handle(Call call) throws IOException;
}
