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
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The README and docs/ are tested: every curl they print, parsed from their text, runs in the order printed
 * against one stub (as `impl/stub-server` starts it, reset before each document's first), and answers the
 * status and body the document claims right after it.
 */
@StubServerTest
class ReadmeCurlsAcceptanceTest {

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TestFactory
    Stream<DynamicTest> everyCurlOfTheDocumentsAnswersWhatTheySay(StubServer stub) throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path document : Documents.all()) {
            List<ReadmeCurls.DocumentedCurl> curls = ReadmeCurls.of(Files.readString(document));
            String name = Documents.name(document);
            for (int i = 0; i < curls.size(); i++) {
                ReadmeCurls.DocumentedCurl documented = curls.get(i);
                boolean first = i == 0;
                tests.add(DynamicTest.dynamicTest(name + " line " + documented.line() + ": " + documented.curl().name(), () -> {
                    if (first) {
                        stub.reset();
                    }
                    run(stub, name, documented);
                }));
            }
        }
        assertTrue(tests.size() >= 3, "the documents' curls were not found under " + Documents.ROOT);
        return tests.stream();
    }

    private static void run(StubServer stub, String document, ReadmeCurls.DocumentedCurl documented) throws Exception {
        HttpResponse<String> response = CLIENT.send(documented.curl().to(stub.baseUri()).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        String where = document + " line " + documented.line() + " (" + documented.curl().name() + ")";
        assertEquals(documented.status(), response.statusCode(), () -> where + " answered " + response.body());
        if (documented.body() != null) {
            JsonNode body = response.body().isEmpty() ? null : JSON.readTree(response.body());
            List<String> mismatches = documented.body().mismatches(body);
            assertTrue(mismatches.isEmpty(), () -> where + " answered otherwise than the document says:\n  "
                    + String.join("\n  ", mismatches) + "\nwhole answer: " + response.body());
        }
    }
}
