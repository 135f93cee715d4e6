package dev.thingyan.adapter.jdbc.app;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Speaks just enough of PostgreSQL's wire protocol to ask a client for its password in clear text
 * and record it, then refuse the login. The real server here trusts every local login, so this is
 * how a test sees which password libpq found (through {@code PGPASSFILE}) without a command line.
 */
final class FakePostgresServer implements AutoCloseable {

  private static final int SSL_REQUEST = 80877103;
  private static final int GSS_REQUEST = 80877104;

  final List<String> passwords = new CopyOnWriteArrayList<>();
  private final ServerSocket socket;

  FakePostgresServer() {
    try {
      socket = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Thread t = new Thread(this::serve, "fake-postgres");
    t.setDaemon(true);
    t.start();
  }

  int port() {
    return socket.getLocalPort();
  }

  private void serve() {
    while (!socket.isClosed()) {
      try (Socket client = socket.accept()) {
        login(
            new DataInputStream(client.getInputStream()),
            new DataOutputStream(client.getOutputStream()));
      } catch (IOException e) {
        // closed, or the client gave up: wait for the next one
      }
    }
  }

  private void login(DataInputStream in, DataOutputStream out) throws IOException {
    int length = in.readInt();
    int code = in.readInt();
    while (code == SSL_REQUEST || code == GSS_REQUEST) {
      out.writeByte('N');
      out.flush();
      length = in.readInt();
      code = in.readInt();
    }
    in.skipNBytes(length - 8); // the startup parameters
    out.writeByte('R');
    out.writeInt(8);
    out.writeInt(3); // AuthenticationCleartextPassword
    out.flush();
    if (in.readByte() == 'p') {
      byte[] body = in.readNBytes(in.readInt() - 4);
      passwords.add(new String(body, 0, body.length - 1, StandardCharsets.UTF_8));
    }
    byte[] fields =
        "SFATAL\0C28P01\0Mfake server: password received, login refused\0\0"
            .getBytes(StandardCharsets.UTF_8);
    out.writeByte('E');
    out.writeInt(4 + fields.length);
    out.write(fields);
    out.flush();
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
