package dev.contractkit.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** impl/target/stub-server.jar, started as a user starts it: java -jar, a port, the embedded data. */
class RunnableJarAcceptanceTest {

    static final String PATH = "/v1/businesses/{business_id}/customers/{customer_id}";
    static final Pattern LISTENING = Pattern.compile("listening on (http://127\\.0\\.0\\.1:\\d+)");

    @Test
    void startsOnAFreePortPrintsItAndAnswersLayersDocumentedCurl() throws Exception {
        Process stub = java("--port", "0");
        try {
            String base = listeningUrl(stub);
            SpecDocument layer = SpecDocument.load("layer.yaml");
            HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base
                            + "/layer/v1/businesses/3f1c2a5e-8b7d-4c6e-9a10-b2c3d4e5f607/customers/4f7c1b16-e057-4ec0-8b20-50308ba5b9ea"))
                    .timeout(Duration.ofSeconds(10))
                    .header("Authorization", "Bearer abc")
                    .header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(layer.requestExample(PATH, "put", "documented-example").toString()))
                    .build(), HttpResponse.BodyHandlers.ofString());

            assertEquals(200, answer.statusCode());
            JsonNode documented = layer.responseExample(PATH, "put", 200, "documented-example");
            assertEquals(documented, SpecDocument.JSON.readTree(answer.body()));
        } finally {
            stop(stub);
        }
    }

    @Test
    void verboseLogsOneLinePerRequestAndNeverTheToken() throws Exception {
        Process stub = java("--port", "0", "--verbose");
        try {
            String base = listeningUrl(stub);
            for (int i = 0; i < 2; i++) {
                HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/vayu/customers/5f1d7c2b9a3e4b5c6d7e8f90"))
                        .header("Authorization", "Bearer secret-token-123").header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString("{\"name\":\"Acme\"}")).build(),
                        HttpResponse.BodyHandlers.discarding());
            }
        } finally {
            stop(stub);
        }
        String log = new String(stub.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        long lines = log.lines().filter(l -> l.contains("PUT /vayu/customers/5f1d7c2b9a3e4b5c6d7e8f90 -> 200")).count();
        assertEquals(2, lines, log);
        assertTrue(!log.contains("secret-token-123"), log);
    }

    @Test
    void refusesADataFileThatDoesNotFitTheSpecWithAClearMessage(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path data = Files.writeString(dir.resolve("data.json"),
                "{\"vayu\":{\"customers\":[{\"id\":\"5f1d7c2b9a3e4b5c6d7e8f90\",\"name\":7}]}}");
        Process stub = java("--port", "0", "--data", data.toString());
        try {
            assertTrue(stub.waitFor(20, TimeUnit.SECONDS), "the stub must exit");
            String error = new String(stub.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(2, stub.exitValue(), error);
            assertTrue(error.contains("name"), error);
            assertTrue(!error.contains("\tat "), "no stack trace: " + error);
        } finally {
            stop(stub);
        }
    }

    @Test
    void helpDocumentsEveryOption() throws Exception {
        Process help = java("--help");
        try {
            String usage = new String(help.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(help.waitFor(20, TimeUnit.SECONDS));
            assertEquals(0, help.exitValue());
            for (String option : List.of("--host", "--port", "--data", "--auth", "--vayu-jwt-secret", "--layer-token")) {
                assertTrue(usage.contains(option), option + " missing from:\n" + usage);
            }
        } finally {
            stop(help);
        }
    }

    private static Process java(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", System.getProperty("stub.jar")));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).start();
    }

    private static String listeningUrl(Process stub) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(stub.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        Matcher m = LISTENING.matcher(String.valueOf(line));
        assertTrue(m.find(), "first line: " + line);
        return m.group(1);
    }

    /** Stops the process this test started, by its PID. */
    private static void stop(Process process) throws InterruptedException {
        ProcessHandle.of(process.pid()).ifPresent(ProcessHandle::destroy);
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
