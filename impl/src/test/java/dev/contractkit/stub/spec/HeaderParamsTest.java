package dev.contractkit.stub.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.contractkit.stub.error.SpecErrorFormat;
import dev.contractkit.stub.refusal.StubException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Header parameters are validated as query parameters are (header-params.yaml beside this class): a required one
 * missing is a 400 naming it in the spec's error shape, a value its schema refuses too; names compare in any case.
 */
class HeaderParamsTest {

    private static final String TENANT = "1b0c6b1e-3f4a-4d5e-8f60-718293a4b5c6";

    private final OpenApiSpec spec = spec();
    private final Operation operation = spec.operations().get(0);

    @Test
    void theOperationDeclaresItsOwnAndItsPathsHeadersButNotAuthorization() {
        assertEquals(List.of("Tenant-Id", "X-Page-Size"), List.copyOf(operation.headerParams().keySet()));
        assertTrue(operation.headerParams().get("Tenant-Id").required());
    }

    @Test
    void aRequiredHeaderLeftOutIsNamedAsMissing() {
        assertEquals(List.of(new Violation("Tenant-Id", "is required", true)),
                RequestValidator.headerParams(operation, headers(Map.of("X-Page-Size", "10"))));
    }

    @Test
    void headersThatFitTheirSchemasPassInAnyCase() {
        assertEquals(List.of(), RequestValidator.headerParams(operation, headers(Map.of("tenant-id", TENANT))));
        assertEquals(List.of(), RequestValidator.headerParams(operation,
                headers(Map.of("TENANT-ID", TENANT, "x-page-size", "50"))));
    }

    @Test
    void aValueItsSchemaRefusesIsNamed() {
        List<Violation> refused = RequestValidator.headerParams(operation,
                headers(Map.of("Tenant-Id", "not-a-uuid", "X-Page-Size", "51")));
        assertEquals(List.of("Tenant-Id", "X-Page-Size"), refused.stream().map(Violation::param).toList());
        assertEquals(List.of("X-Page-Size"), RequestValidator.headerParams(operation,
                headers(Map.of("Tenant-Id", TENANT, "X-Page-Size", "many"))).stream().map(Violation::param).toList());
    }

    @Test
    void theRefusalIsTheSpecsDocumented400NamingTheHeader() {
        StubException refusal = StubException.invalid(RequestValidator.headerParams(operation, headers(Map.of())));
        JsonNode body = new SpecErrorFormat(spec).body(refusal, operation);
        String schema = spec.resolvedPointer(operation.pointer() + "/responses/400/content/application~1json/schema");
        assertEquals(List.of(), RequestValidator.check(spec.schemaAt(schema), body, "error"), body::toString);
        assertTrue(body.path("message").asText().contains("Tenant-Id"), body::toString);
    }

    /** Headers as a request holds them: looked up by name in any case. */
    private static Map<String, List<String>> headers(Map<String, String> sent) {
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        sent.forEach((name, value) -> headers.put(name, List.of(value)));
        return headers;
    }

    private static OpenApiSpec spec() {
        try {
            return OpenApiSpec.load(Path.of(HeaderParamsTest.class.getResource("header-params.yaml").toURI()).getParent(),
                    "header-params");
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
