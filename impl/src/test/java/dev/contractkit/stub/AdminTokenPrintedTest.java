package dev.contractkit.stub;

import dev.contractkit.stub.support.StubHttp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * `stub-server --host 0.0.0.0` in its own JVM: with no token configured it makes one, prints it once, and that
 * one opens the admin API; a token from --admin-token or $CONTRACT_KIT_ADMIN_TOKEN is used and never printed.
 */
class AdminTokenPrintedTest {

    private static final Pattern LISTENING = Pattern.compile("listening on http://[^:]+:(\\d+)");
    private static final Pattern TOKEN = Pattern.compile("Admin token .*: (\\S+)$");
    private static final String CONFIGURED = "admin-token-from-the-command-line";

    @Test
    void thePrintedTokenOpensTheAdminApiAndIsPrintedOnce() throws Exception {
        Started stub = start(List.of(), Map.of());
        String token;
        try {
            Matcher printed = TOKEN.matcher(stub.waitFor(TOKEN));
            assertTrue(printed.find());
            token = printed.group(1);
            assertEquals(401, health(stub.port(), null));
            assertEquals(200, health(stub.port(), token));
        } finally {
            stub.stop();
        }
        String log = stub.output().toString();
        assertEquals(1, log.split(Pattern.quote(token), -1).length - 1, "printed once, logged nowhere:\n" + log);
        assertTrue(log.contains("Console: http://0.0.0.0:"), log);
    }

    @Test
    void aTokenFromTheCommandLineIsRequiredAndNeverPrinted() throws Exception {
        assertConfiguredTokenWorksUnprinted(List.of("--admin-token", CONFIGURED), Map.of());
    }

    @Test
    void aTokenFromTheEnvironmentIsRequiredAndNeverPrinted() throws Exception {
        assertConfiguredTokenWorksUnprinted(List.of(), Map.of("CONTRACT_KIT_ADMIN_TOKEN", CONFIGURED));
    }

    private static void assertConfiguredTokenWorksUnprinted(List<String> args, Map<String, String> env) throws Exception {
        Started stub = start(args, env);
        try {
            stub.waitFor(Pattern.compile("Console: "));
            assertEquals(401, health(stub.port(), null));
            assertEquals(401, health(stub.port(), "admin-token-from-the-command-lin"));
            assertEquals(200, health(stub.port(), CONFIGURED));
        } finally {
            stub.stop();
        }
        String log = stub.output().toString();
        assertFalse(log.contains(CONFIGURED), log);
        assertFalse(log.contains("Admin token"), log);
    }

    private static int health(int port, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/__admin/health")).GET();
        if (token != null) {
            request.header("X-Admin-Token", token);
        }
        return StubHttp.send(request).status();
    }

    /** A stub-server process, its output copied as it comes, and its port once it says where it listens. */
    private record Started(Process process, Thread reader, StringBuffer output, CompletableFuture<Integer> listening) {

        int port() throws Exception {
            return listening.get(60, TimeUnit.SECONDS);
        }

        /** The first line matching, once printed (the stub prints its start lines at once). */
        String waitFor(Pattern line) throws Exception {
            port();
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (System.nanoTime() < until) {
                for (String printed : output.toString().split("\n")) {
                    if (line.matcher(printed).find()) {
                        return printed;
                    }
                }
                Thread.sleep(20);
            }
            throw new AssertionError("no line like " + line + " in:\n" + output);
        }

        void stop() throws InterruptedException {
            process.destroy();
            process.waitFor(30, TimeUnit.SECONDS);
            reader.join(10_000);
        }
    }

    private static Started start(List<String> args, Map<String, String> env) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "--host", "0.0.0.0", "--port", "0",
                "--verbose"));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().remove("CONTRACT_KIT_ADMIN_TOKEN");
        builder.environment().putAll(env);
        Process process = builder.start();
        StringBuffer output = new StringBuffer();
        CompletableFuture<Integer> listening = new CompletableFuture<>();
        Thread reader = new Thread(() -> read(process, output, listening), "stub-output");
        reader.start();
        return new Started(process, reader, output, listening);
    }

    private static void read(Process stub, StringBuffer output, CompletableFuture<Integer> listening) {
        try (BufferedReader lines = stub.inputReader()) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                output.append(line).append('\n');
                Matcher m = LISTENING.matcher(line);
                if (m.find()) {
                    listening.complete(Integer.parseInt(m.group(1)));
                }
            }
        } catch (IOException ignored) {
            // the stub was stopped
        } finally {
            listening.completeExceptionally(new IllegalStateException("the stub exited:\n" + output));
        }
    }
}
