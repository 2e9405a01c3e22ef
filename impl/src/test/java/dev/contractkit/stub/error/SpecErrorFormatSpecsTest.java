package dev.contractkit.stub.error;

import dev.contractkit.stub.refusal.ErrorKind;
import dev.contractkit.stub.refusal.StubException;
import dev.contractkit.stub.spec.Violation;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.contractkit.stub.spec.OpenApiSpec;
import dev.contractkit.stub.spec.Operation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every packaged spec (specs/*.yaml, with its overlay), read as if the stub had no Java for its vendor: every
 * documented 4xx, 5xx, range or default error response of every operation gets, for every kind of error the
 * stub answers with that status, a body that validates against the response's schema, served as its media type.
 */
class SpecErrorFormatSpecsTest {

    private static final Path SPECS = Path.of(System.getProperty("specs.dir", "../specs"));

    @TestFactory
    Stream<DynamicTest> everyDocumentedErrorResponseGetsABodyThatValidates() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (String name : specNames()) {
            OpenApiSpec spec = OpenApiSpec.load(SPECS, name);
            SpecErrorFormat format = new SpecErrorFormat(spec);
            for (Operation operation : spec.operations()) {
                JsonNode responses = spec.document().at(operation.pointer() + "/responses");
                responses.fieldNames().forEachRemaining(key -> {
                    String mediaType = jsonMediaType(spec, operation, key);
                    if (mediaType == null || !(key.matches("[45]\\d\\d|[45][Xx][Xx]") || key.equals("default"))) {
                        return;
                    }
                    for (ErrorKind kind : kindsAnsweredWith(key, responses)) {
                        tests.add(DynamicTest.dynamicTest(name + ": " + operation.method().toUpperCase(Locale.ROOT) + " "
                                + operation.pathTemplate() + " " + key + " " + kind, () -> {
                            String schema = spec.resolvedPointer(operation.pointer() + "/responses/" + key)
                                    + "/content/" + mediaType.replace("~", "~0").replace("/", "~1") + "/schema";
                            for (StubException error : errors(kind)) {
                                SpecBodies.assertValid(spec, schema, format.body(error, operation));
                            }
                            assertEquals(mediaType, format.mediaType(operation, kind.status()));
                        }));
                    }
                });
            }
        }
        return tests.stream();
    }

    private static List<String> specNames() throws IOException {
        try (Stream<Path> files = Files.list(SPECS)) {
            return files.map(f -> f.getFileName().toString())
                    .filter(f -> f.endsWith(".yaml") && !f.endsWith(".overlay.yaml"))
                    .map(f -> f.substring(0, f.length() - ".yaml".length())).sorted().toList();
        }
    }

    /** The kinds a response key answers: its status; a range's statuses the operation documents no other way; default's rest. */
    private static Set<ErrorKind> kindsAnsweredWith(String key, JsonNode responses) {
        Set<ErrorKind> kinds = new TreeSet<>();
        for (ErrorKind kind : ErrorKind.values()) {
            String status = String.valueOf(kind.status());
            String range = status.charAt(0) + "XX";
            boolean exact = responses.has(status);
            boolean ranged = responses.has(range) || responses.has(range.toLowerCase(Locale.ROOT));
            if (key.equals(status) || key.equalsIgnoreCase(range) && !exact || key.equals("default") && !exact && !ranged) {
                kinds.add(kind);
            }
        }
        return kinds;
    }

    /** Without fields, with one failed field, with two (a validation error's three shapes); the others alike. */
    private static List<StubException> errors(ErrorKind kind) {
        String message = kind.name().toLowerCase(Locale.ROOT).replace('_', ' ') + " (a test's)";
        return List.of(new StubException(kind, message),
                new StubException(kind, message, List.of(new Violation("email", "must be a valid email address", false))),
                new StubException(kind, message, List.of(new Violation("email", "must be a valid email address", false),
                        new Violation("contacts[0].name", "is required", true))));
    }

    /** The response's JSON media type (application/json before problem+json before others), or null. */
    private static String jsonMediaType(OpenApiSpec spec, Operation operation, String key) {
        JsonNode content = spec.document().at(spec.resolvedPointer(operation.pointer() + "/responses/" + key) + "/content");
        List<String> types = new ArrayList<>();
        content.fields().forEachRemaining(e -> {
            if (e.getKey().contains("json") && e.getValue().has("schema")) {
                types.add(e.getKey());
            }
        });
        types.sort((a, b) -> rank(a) - rank(b));
        return types.isEmpty() ? null : types.get(0);
    }

    private static int rank(String mediaType) {
        return mediaType.startsWith("application/json") ? 0 : mediaType.startsWith("application/problem+json") ? 1 : 2;
    }
}
