package dev.contractkit.stub;

import dev.contractkit.stub.support.DefaultData;
import dev.contractkit.stub.support.RawHttp;
import dev.contractkit.stub.support.StubHttp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Clients that hang up before reading their answer (a reset, as a test suite's killed client does) are no
 * error of the stub's: nothing is logged for them, no 500 is tried on a sent answer, and the stub serves the
 * next request. Run in its own JVM, so all it writes (Jetty's, Jersey's and its own logs) can be read.
 */
class HungUpClientsTest {

    private static final Pattern LISTENING = Pattern.compile("listening on (http://\\S+)");
    private static final String PUT = "PUT /vayu" + DefaultData.VAYU_CUSTOMER + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            + "Authorization: Bearer hung-up\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}";

    @Test
    void hangUpsLeaveNothingInTheLogAndTheNextRequestIsServed() throws Exception {
        Process stub = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "--port", "0")
                .redirectErrorStream(true).start();
        StringBuffer output = new StringBuffer();
        CompletableFuture<URI> listening = new CompletableFuture<>();
        Thread reader = new Thread(() -> readLines(stub, output, listening), "stub-output");
        reader.start();
        RawHttp.Reply after;
        try {
            int port = listening.get(60, TimeUnit.SECONDS).getPort();
            for (int i = 0; i < 40; i++) {
                try (Socket socket = new Socket("127.0.0.1", port)) {
                    socket.setSoLinger(true, 0); // closed with a reset, its answer unread
                    socket.getOutputStream().write(PUT.getBytes(StandardCharsets.US_ASCII));
                }
            }
            after = RawHttp.exchange(port, PUT.getBytes(StandardCharsets.US_ASCII), false, Duration.ofSeconds(10));
            Thread.sleep(500); // what a hang-up might log comes from Jetty's threads, after the answer
        } finally {
            stub.destroy();
            stub.waitFor(30, TimeUnit.SECONDS);
            reader.join(10_000);
        }
        assertEquals(200, after.status(), after.text());
        String log = output.toString();
        for (String trace : List.of("WARN", "SEVERE", "ERROR", "Exception", "\tat ")) {
            assertFalse(log.contains(trace), () -> "the stub logged '" + trace + "' for clients that hung up:\n" + log);
        }
    }

    /** Copies the stub's output, completing listening with its base URI once it says where it listens. */
    private static void readLines(Process stub, StringBuffer output, CompletableFuture<URI> listening) {
        try (BufferedReader lines = stub.inputReader()) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                output.append(line).append('\n');
                Matcher m = LISTENING.matcher(line);
                if (m.find()) {
                    listening.complete(URI.create(m.group(1)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            listening.completeExceptionally(new IllegalStateException("the stub exited:\n" + output));
        }
    }
}
