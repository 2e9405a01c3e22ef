package dev.contractkit.stub.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Bytes sent as they are on a new connection, and the answer read back as bytes: no client's help. */
public final class RawHttp {

    /** What came back: an answer, or the connection closed (or still silent when the wait ended) without one. */
    public record Reply(int status, Map<String, String> headers, byte[] body, boolean closedWithoutAnswer, Duration took) {

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private RawHttp() {
    }

    /**
     * Sends {@code request} on a new connection to {@code port}, half-closing it after when {@code thenHalfClose},
     * and reads one answer: its head, then as many body bytes as its Content-Length says.
     */
    public static Reply exchange(int port, byte[] request, boolean thenHalfClose, Duration wait) throws IOException {
        long start = System.nanoTime();
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout((int) wait.toMillis());
            try {
                socket.getOutputStream().write(request);
                if (thenHalfClose) {
                    socket.shutdownOutput();
                }
            } catch (IOException refusedWhileSending) {
                // the server may answer and close before all is sent: the answer is still there to read
            }
            InputStream in = socket.getInputStream();
            try {
                String head = readHead(in);
                if (head == null) {
                    return new Reply(-1, Map.of(), new byte[0], true, since(start));
                }
                Map<String, String> headers = headers(head);
                int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
                byte[] body = in.readNBytes(length);
                return new Reply(Integer.parseInt(head.split(" ", 3)[1]), headers, body, false, since(start));
            } catch (SocketTimeoutException silent) {
                return new Reply(-1, Map.of(), new byte[0], false, since(start));
            } catch (IOException reset) {
                return new Reply(-1, Map.of(), new byte[0], true, since(start));
            }
        }
    }

    /** The status line and header fields, up to the empty line; null when the connection ends before any byte. */
    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                if (head.size() == 0) {
                    return null;
                }
                throw new IOException("connection closed inside an answer's head");
            }
            head.write(b);
            matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    private static Map<String, String> headers(String head) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line : head.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
            }
        }
        return headers;
    }

    private static Duration since(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
