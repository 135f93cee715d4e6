package dev.thingyan.adapter.http.probe;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP server on 127.0.0.1 that accepts connections and then stalls: it never answers, or
 * sends a status line and headers and never the body. Probes must give up on time.
 */
final class SilentServer implements AutoCloseable {

  private final ServerSocket socket;
  private final List<Socket> accepted = new CopyOnWriteArrayList<>();
  private final Thread acceptor;

  SilentServer(String sendFirst) throws IOException {
    socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    acceptor = new Thread(() -> acceptLoop(sendFirst), "silent-server");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** @return a server that never writes a byte. */
  static SilentServer neverAnswers() throws IOException {
    return new SilentServer("");
  }

  /** @return a server that sends headers announcing a body it never sends. */
  static SilentServer stallsInBody() throws IOException {
    return new SilentServer("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
        + "Content-Length: 1000\r\n\r\n{\"status\":");
  }

  private void acceptLoop(String sendFirst) {
    while (!socket.isClosed()) {
      try {
        Socket s = socket.accept();
        accepted.add(s);
        s.getOutputStream().write(sendFirst.getBytes(StandardCharsets.US_ASCII));
        s.getOutputStream().flush();
      } catch (IOException closed) {
        return;
      }
    }
  }

  String url(String path) {
    return "http://127.0.0.1:" + socket.getLocalPort() + path;
  }

  @Override
  public void close() throws IOException {
    socket.close();
    for (Socket s : accepted) {
      s.close();
    }
  }
}
