package dev.contractkit.stub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** `stub-server --host 0.0.0.0` with no token configured: it makes one, prints it once, and that one opens the admin API. */
class AdminTokenPrintedTest {

    private static final Pattern LISTENING = Pattern.compile("listening on http://[^:]+:(\\d+)");
    private static final Pattern TOKEN = Pattern.compile("Admin token .*: (\\S+)$");

    @Test
    void thePrintedTokenOpensTheAdminApiAndIsPrintedOnce() throws Exception {
        ProcessBuilder command = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "--host", "0.0.0.0", "--port", "0",
                "--verbose").redirectErrorStream(true);
        command.environment().remove("CONTRACT_KIT_ADMIN_TOKEN");
        Process stub = command.start();
        StringBuffer output = new StringBuffer();
        CompletableFuture<String[]> started = new CompletableFuture<>();
        Thread reader = new Thread(() -> read(stub, output, started), "stub-output");
        reader.start();
        String token;
        try {
            String[] portAndToken = started.get(60, TimeUnit.SECONDS);
            token = portAndToken[1];
            String health = "http://127.0.0.1:" + portAndToken[0] + "/__admin/health";
            assertEquals(401, StubHttp.send(HttpRequest.newBuilder(URI.create(health)).GET()).status());
            assertEquals(200, StubHttp.send(HttpRequest.newBuilder(URI.create(health))
                    .header("X-Admin-Token", token).GET()).status());
        } finally {
            stub.destroy();
            stub.waitFor(30, TimeUnit.SECONDS);
            reader.join(10_000);
        }
        String log = output.toString();
        assertEquals(1, log.split(Pattern.quote(token), -1).length - 1, "printed once, logged nowhere:\n" + log);
        assertTrue(log.contains("Console: http://0.0.0.0:"), log);
    }

    private static void read(Process stub, StringBuffer output, CompletableFuture<String[]> started) {
        String port = null;
        try (BufferedReader lines = stub.inputReader()) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                output.append(line).append('\n');
                Matcher listening = LISTENING.matcher(line);
                Matcher token = TOKEN.matcher(line);
                if (listening.find()) {
                    port = listening.group(1);
                } else if (token.find() && port != null) {
                    started.complete(new String[] {port, token.group(1)});
                }
            }
        } catch (IOException ignored) {
            // the stub was stopped
        } finally {
            started.completeExceptionally(new IllegalStateException("the stub printed no admin token:\n" + output));
        }
    }
}
