package org.factmark.common.db;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP proxy on loopback between the application and a test's database, to make the outages a
 * test needs: {@link #cut()} drops every connection and refuses new ones (the database is gone),
 * {@link #stall()} keeps connections open but passes no byte on (the database's processes froze),
 * {@link #resume()} forwards again.
 */
final class TcpProxy implements AutoCloseable {

    private enum State { FORWARDING, STALLED, CUT }

    private final ServerSocket listener;
    private final int targetPort;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile State state = State.FORWARDING;

    TcpProxy(int targetPort) throws IOException {
        this.targetPort = targetPort;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().name("tcp-proxy").start(this::accept);
    }

    int port() {
        return listener.getLocalPort();
    }

    void cut() {
        state = State.CUT;
        open.forEach(TcpProxy::closeQuietly);
        open.clear();
    }

    void stall() {
        state = State.STALLED;
    }

    synchronized void resume() {
        state = State.FORWARDING;
        notifyAll();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                if (state == State.CUT) {
                    client.close();
                    continue;
                }
                Socket server = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                open.add(client);
                open.add(server);
                Thread.ofVirtual().start(() -> pump(client, server));
                Thread.ofVirtual().start(() -> pump(server, client));
            } catch (IOException e) {
                // The listener was closed, or one connection failed: the next accept decides.
            }
        }
    }

    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            int read;
            while ((read = in.read(buffer)) >= 0) {
                waitWhileStalled();
                out.write(buffer, 0, read);
                out.flush();
            }
        } catch (IOException | InterruptedException e) {
            // The other side or cut() closed the connection.
        } finally {
            closeQuietly(from);
            closeQuietly(to);
            open.remove(from);
            open.remove(to);
        }
    }

    private synchronized void waitWhileStalled() throws InterruptedException {
        while (state == State.STALLED) {
            wait();
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        cut();
    }
}
