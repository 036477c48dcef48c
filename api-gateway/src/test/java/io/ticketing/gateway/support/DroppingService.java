package io.ticketing.gateway.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A replica that passes its health checks but closes every other connection after reading the request, without an
 * answer: what the gateway sees when the process it sent a request to is killed before it replies.
 */
public final class DroppingService {

    private static DroppingService instance;

    private final ServerSocket server;
    private final Map<String, AtomicInteger> dropped = new ConcurrentHashMap<>();

    private DroppingService() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().name("dropping-service").start(this::accept);
    }

    public static synchronized DroppingService get() {
        if (instance == null) {
            try {
                instance = new DroppingService();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return instance;
    }

    public String url() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    /** How many requests for this path reached the replica and were dropped. */
    public int droppedRequestsFor(String path) {
        AtomicInteger count = dropped.get(path);
        return count == null ? 0 : count.get();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                Thread.ofVirtual().start(() -> serve(socket));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.ISO_8859_1));
            String requestLine = in.readLine();
            while (requestLine != null) {
                long bodyLength = 0;
                for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                    if (line.regionMatches(true, 0, "Content-Length:", 0, 15)) {
                        bodyLength = Long.parseLong(line.substring(15).trim());
                    }
                }
                // read the whole request: closing with unread bytes would reset the connection instead
                for (long skipped; bodyLength > 0 && (skipped = in.skip(bodyLength)) > 0; ) {
                    bodyLength -= skipped;
                }
                String path = requestLine.split(" ")[1];
                if (!path.startsWith("/actuator/health")) {
                    dropped.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
                    return;
                }
                String body = "{\"status\":\"UP\"}";
                socket.getOutputStream().write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                        + "Content-Length: " + body.length() + "\r\n\r\n" + body)
                        .getBytes(StandardCharsets.ISO_8859_1));
                requestLine = in.readLine();
            }
        } catch (IOException e) {
            // the gateway went away: nothing to answer
        }
    }
}
