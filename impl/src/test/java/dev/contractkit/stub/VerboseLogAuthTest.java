package dev.contractkit.stub;

import dev.contractkit.stub.support.DefaultData;
import dev.contractkit.stub.support.UpdateCustomerCalls;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The stub run as `stub-server --verbose --auth strict ...` in its own JVM (slf4j-simple fixes log levels
 * once per JVM): it logs a line per request, and never a token or the secret, accepted or refused.
 */
class VerboseLogAuthTest {

    private static final String SECRET = "verbose-log-test-secret-32-bytes";
    private static final String LAYER_TOKEN = "layer-token-logged-nowhere";
    private static final String REFUSED_LAYER_TOKEN = "layer-token-refused-logged-nowhere";
    private static final String REFUSED_JWT = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJub2JvZHkifQ.c2lnbmF0dXJl";
    private static final Pattern LISTENING = Pattern.compile("listening on (http://\\S+)");

    @Test
    void requestsAreLoggedWithoutTokens() throws Exception {
        Process stub = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "--verbose", "--port", "0",
                "--auth", "strict", "--vayu-jwt-secret", SECRET, "--layer-token", LAYER_TOKEN)
                .redirectErrorStream(true).start();
        StringBuffer output = new StringBuffer();
        CompletableFuture<URI> listening = new CompletableFuture<>();
        Thread reader = new Thread(() -> readLines(stub, output, listening), "stub-output");
        reader.start();
        try {
            UpdateCustomerCalls calls = new UpdateCustomerCalls(listening.get(60, TimeUnit.SECONDS));
            calls.put(Vendor.LAYER, "Bearer " + LAYER_TOKEN, "{}");
            calls.put(Vendor.LAYER, "Bearer " + REFUSED_LAYER_TOKEN, "{}");
            calls.put(Vendor.VAYU, "Bearer " + REFUSED_JWT, "{}");
            // The log is another process's output, read on another thread: wait for the last request's line
            // (bounded) rather than stop the stub before it has been read.
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!output.toString().contains("PUT /vayu" + DefaultData.VAYU_CUSTOMER + " -> 401")
                    && System.nanoTime() < until) {
                Thread.sleep(20);
            }
        } finally {
            stub.destroy();
            stub.waitFor(30, TimeUnit.SECONDS);
            reader.join(10_000);
        }
        String log = output.toString();
        assertTrue(log.contains("PUT /layer" + DefaultData.LAYER_CUSTOMER + " -> 200"), log);
        assertTrue(log.contains("PUT /vayu" + DefaultData.VAYU_CUSTOMER + " -> 401"), log);
        assertAll(Stream.of(SECRET, LAYER_TOKEN, REFUSED_LAYER_TOKEN, REFUSED_JWT)
                .map(secret -> () -> assertFalse(log.contains(secret), secret + " is in the output:\n" + log)));
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
