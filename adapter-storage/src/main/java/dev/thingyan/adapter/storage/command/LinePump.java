package dev.thingyan.adapter.storage.command;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Reads a process's output stream and hands each line on as soon as its newline arrives. A line
 * longer than {@link #MAX_LINE} bytes is cut (at a character boundary) and the rest of it dropped:
 * a command printing a binary blob or a minified file must not fill the run log or the memory.
 */
final class LinePump implements Runnable {
  static final int MAX_LINE = 8 * 1024;
  static final String CUT_MARK = " […line cut at 8 KiB]";

  private final InputStream in;
  private final Consumer<String> lines;
  private final ByteArrayOutputStream line = new ByteArrayOutputStream(256);
  private boolean cut;

  LinePump(InputStream in, Consumer<String> lines) {
    this.in = in;
    this.lines = lines;
  }

  @Override
  public void run() {
    byte[] buffer = new byte[8192];
    try (in) {
      int n;
      while ((n = in.read(buffer)) > 0) {
        for (int i = 0; i < n; i++) {
          accept(buffer[i]);
        }
      }
    } catch (IOException e) {
      // the stream closes when the process is killed: what was read is still passed on below
    }
    if (line.size() > 0 || cut) {
      emit();
    }
  }

  private void accept(byte b) {
    if (b == '\n') {
      emit();
    } else if (line.size() < MAX_LINE) {
      line.write(b);
    } else {
      cut = true;
    }
  }

  private void emit() {
    byte[] bytes = line.toByteArray();
    int length = bytes.length;
    if (cut) {
      // do not split a UTF-8 sequence: back up over continuation bytes to the character's start
      while (length > 0 && (bytes[length - 1] & 0xC0) == 0x80) {
        length--;
      }
      if (length > 0 && (bytes[length - 1] & 0x80) != 0) {
        length--;
      }
    } else if (length > 0 && bytes[length - 1] == '\r') {
      length--;
    }
    String text = new String(bytes, 0, length, StandardCharsets.UTF_8);
    lines.accept(cut ? text + CUT_MARK : text);
    line.reset();
    cut = false;
  }
}
