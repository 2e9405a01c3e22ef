package dev.contractkit.stub.readme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.contractkit.stub.StubServer;
import dev.contractkit.stub.junit.StubServerTest;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The README is tested: every curl it prints, parsed from its text, runs in README order against one stub
 * (as `impl/stub-server` starts it, reset once before the first), and answers the status and body the
 * README claims right after it.
 */
@StubServerTest
class ReadmeCurlsAcceptanceTest {

    private static final Path README = Path.of(System.getProperty("specs.dir", "../specs")).resolveSibling("README.md");
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TestFactory
    Stream<DynamicTest> everyCurlOfTheReadmeAnswersWhatTheReadmeSays(StubServer stub) throws IOException {
        List<ReadmeCurls.DocumentedCurl> curls = ReadmeCurls.of(Files.readString(README));
        assertTrue(curls.size() >= 3, "the README's curls were not found in " + README);
        return curls.stream().map(documented -> DynamicTest.dynamicTest(
                "README line " + documented.line() + ": " + documented.curl().name(), () -> run(stub, documented)));
    }

    private static void run(StubServer stub, ReadmeCurls.DocumentedCurl documented) throws Exception {
        HttpResponse<String> response = CLIENT.send(documented.curl().to(stub.baseUri()).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        String where = "README line " + documented.line() + " (" + documented.curl().name() + ")";
        assertEquals(documented.status(), response.statusCode(), () -> where + " answered " + response.body());
        if (documented.body() != null) {
            JsonNode body = response.body().isEmpty() ? null : JSON.readTree(response.body());
            List<String> mismatches = documented.body().mismatches(body);
            assertTrue(mismatches.isEmpty(), () -> where + " answered otherwise than the README says:\n  "
                    + String.join("\n  ", mismatches) + "\nwhole answer: " + response.body());
        }
    }
}
