package dev.contractkit.stub.readme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.contractkit.stub.StubServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The documents' other examples are run too: every Java block is part of a test of `examples/consumer`, which the
 * test command builds and runs against the installed jars (its lines, in order, in one of its files), and every
 * JSON block is a `--data` file the stub starts with.
 */
class ReadmeSnippetsTest {

    private static final Path CONSUMER = Documents.ROOT.resolve("examples/consumer/src");

    @TempDir
    Path temp;

    @TestFactory
    Stream<DynamicTest> everyJavaBlockIsCodeOfTheConsumerProject() throws IOException {
        List<Path> sources;
        try (Stream<Path> files = Files.walk(CONSUMER)) {
            sources = files.filter(p -> p.toString().endsWith(".java")).toList();
        }
        List<DynamicTest> tests = new ArrayList<>();
        for (Path document : Documents.all()) {
            for (Documents.Block block : Documents.blocks(Files.readString(document), "java")) {
                tests.add(DynamicTest.dynamicTest(Documents.name(document) + " line " + block.line(), () ->
                        assertTrue(sources.stream().anyMatch(source -> holdsInOrder(source, block.text())),
                                Documents.name(document) + " line " + block.line()
                                        + ": this Java is in no file of examples/consumer, so no build runs it")));
            }
        }
        assertFalse(tests.isEmpty(), "no Java block found in the documents");
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> everyJsonBlockIsDataTheStubStartsWith() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path document : Documents.all()) {
            for (Documents.Block block : Documents.blocks(Files.readString(document), "json")) {
                tests.add(DynamicTest.dynamicTest(Documents.name(document) + " line " + block.line(), () -> {
                    Path data = Files.writeString(temp.resolve("data-" + block.line() + ".json"), block.text());
                    try (StubServer stub = StubServer.builder().port(0).data(data).start()) {
                        HttpResponse<String> collections = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                                URI.create(stub.baseUri() + "/__admin/collections")).build(), HttpResponse.BodyHandlers.ofString());
                        assertEquals(200, collections.statusCode(), collections.body());
                    }
                }));
            }
        }
        return tests.stream();
    }

    /** Every non-blank line of the block, stripped, among the file's stripped lines in the same order. */
    private static boolean holdsInOrder(Path source, String block) {
        try {
            List<String> file = Files.readAllLines(source).stream().map(String::strip).toList();
            int at = 0;
            for (String line : block.lines().map(String::strip).filter(l -> !l.isEmpty()).toList()) {
                while (at < file.size() && !file.get(at).equals(line)) {
                    at++;
                }
                if (at++ >= file.size()) {
                    return false;
                }
            }
            return true;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
