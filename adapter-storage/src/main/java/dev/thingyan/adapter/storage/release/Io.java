package dev.thingyan.adapter.storage.release;

import java.io.IOException;
import java.io.UncheckedIOException;

/** Turns a file-system failure into an unchecked one whose message says what was being done. */
final class Io {
  private Io() {}

  interface Action {
    void run() throws IOException;
  }

  interface Call<T> {
    T call() throws IOException;
  }

  static void run(String what, Action action) {
    call(what, () -> {
      action.run();
      return null;
    });
  }

  static <T> T call(String what, Call<T> call) {
    try {
      return call.call();
    } catch (IOException e) {
      throw new UncheckedIOException("could not " + what + ": " + e, e);
    }
  }
}
