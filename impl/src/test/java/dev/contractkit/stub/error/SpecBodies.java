package dev.contractkit.stub.error;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.contractkit.stub.spec.OpenApiSpec;
import java.util.List;

/** Checks a body against a schema of its spec with the validator the stub validates requests with. */
final class SpecBodies {

    private SpecBodies() {
    }

    static void assertValid(OpenApiSpec spec, String schemaPointer, JsonNode body) {
        List<String> errors = spec.schemaAt(spec.resolvedPointer(schemaPointer)).validate(body).stream()
                .map(e -> e.getInstanceLocation() + " " + e.getMessage()).toList();
        assertEquals(List.of(), errors, () -> body + " against " + schemaPointer);
    }
}
