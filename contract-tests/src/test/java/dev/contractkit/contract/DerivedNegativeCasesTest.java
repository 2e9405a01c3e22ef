package dev.contractkit.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.contractkit.contract.ConstraintBreaker.Case;
import dev.contractkit.stub.StubServer;
import dev.contractkit.stub.Vendor;
import dev.contractkit.stub.junit.StubServerTest;
import dev.contractkit.stub.spec.OpenApiSpec;
import dev.contractkit.stub.spec.Operation;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Negative cases derived from the schema: for each operation of each vendor's spec, each constraint of its
 * request body and path parameters broken alone (see {@link ConstraintBreaker}), sent to a running stub,
 * which must answer 400 in the vendor's error format naming that field, and only that field.
 */
@StubServerTest
class DerivedNegativeCasesTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static StubServer stub;

    /** One request of a case: where it goes, what it carries, which field the answer must name. */
    private record NegativeRequest(String name, Vendor vendor, OpenApiSpec spec, Operation operation, Case broken,
            String path, JsonNode body) {
    }

    @BeforeAll
    static void start(StubServer server) {
        stub = server;
    }

    @TestFactory
    Stream<DynamicTest> eachConstraintBrokenAloneIsRefusedNamingItsField() {
        return Arrays.stream(Vendor.values())
                .flatMap(vendor -> requests(vendor).stream())
                .map(request -> dynamicTest(request.name(), () -> assertRefused(request)));
    }

    @Test
    void theSpecsYieldEnoughCasesOfEachKind() {
        assertAtLeast(Vendor.VAYU, 30, "type", "nullable", "enum", "pattern", "minLength", "required",
                "additionalProperties");
        assertAtLeast(Vendor.LAYER, 10, "type", "nullable", "required", "format");
    }

    private static void assertAtLeast(Vendor vendor, int count, String... kinds) {
        List<NegativeRequest> requests = requests(vendor);
        Map<String, Long> byKind = requests.stream()
                .collect(Collectors.groupingBy(r -> r.broken().kind(), java.util.TreeMap::new, Collectors.counting()));
        assertTrue(requests.size() >= count, vendor + ": only " + requests.size() + " cases " + byKind);
        assertTrue(byKind.keySet().containsAll(Set.of(kinds)), vendor + ": kinds " + byKind);
    }

    /**
     * The cases of every operation of a vendor's spec: body constraints, then path and query parameter ones,
     * each inside a request whose other values are valid (built from the spec: see {@link ValidRequests}).
     */
    private static List<NegativeRequest> requests(Vendor vendor) {
        OpenApiSpec spec = OpenApiSpec.load(vendor.prefix());
        ConstraintBreaker breaker = new ConstraintBreaker(spec.document());
        ValidRequests valid = new ValidRequests(vendor, spec);
        List<NegativeRequest> requests = new ArrayList<>();
        for (Operation operation : spec.operations()) {
            ValidRequest base = valid.fitting(operation, false);
            JsonNode validBody = base.hasBody() ? base.body() : null;
            if (operation.hasBody()) {
                breaker.bodyCases(operation.bodySchema().getSchemaNode()).forEach(c -> requests.add(
                        request(vendor, spec, operation, c, base.pathAndQuery(), c.value())));
            }
            operation.pathParamSchemas().forEach((name, schema) -> breaker.parameterCases(name, schema.getSchemaNode())
                    .forEach(c -> {
                        Map<String, String> values = new HashMap<>(base.pathParams());
                        values.put(name, c.value() == null ? "" : c.value().asText());
                        requests.add(request(vendor, spec, operation, c,
                                PathTemplates.fill(operation.pathTemplate(), values) + QueryStrings.of(base.query()),
                                validBody));
                    }));
            operation.queryParams().values().forEach(param -> breaker.queryCases(param.name(), param.schemaNode(),
                    param.required()).forEach(c -> {
                        Map<String, JsonNode> query = new LinkedHashMap<>(base.query());
                        query.remove(param.name());
                        if (c.value() != null) {
                            query.put(param.name(), c.value());
                        }
                        requests.add(request(vendor, spec, operation, c, base.path() + QueryStrings.of(query), validBody));
                    }));
        }
        return requests;
    }

    private static NegativeRequest request(Vendor vendor, OpenApiSpec spec, Operation operation, Case broken,
            String path, JsonNode body) {
        String name = vendor.prefix() + "/" + operation.id() + "/" + broken.kind() + " " + broken.field()
                + " (" + broken.declaredIn() + ") [provider]";
        return new NegativeRequest(name, vendor, spec, operation, broken, path, body);
    }

    private static void assertRefused(NegativeRequest request) throws Exception {
        if (request.broken().problem() != null) {
            fail(request.broken().problem());
        }
        HttpResponse<String> answer = send(request);
        String exchange = request.operation().method().toUpperCase(Locale.ROOT) + " " + request.path() + " "
                + request.body() + " -> " + answer.statusCode() + " " + answer.body();
        assertEquals(400, answer.statusCode(), exchange);
        JsonNode error = SpecDocument.JSON.readTree(answer.body());
        com.networknt.schema.Schema schema = errorSchema(request);
        if (schema != null) { // a vendor's file may document its 400 without a body schema
            assertEquals(List.of(), schema.validate(error).stream().map(Object::toString).toList(),
                    "the answer fits the spec's 400 schema: " + exchange);
        }
        assertEquals(List.of(request.broken().field()), failedFields(request.vendor(), error),
                "the one field that failed: " + exchange);
        assertVendorShape(request, error, exchange);
    }

    /** The fields an error answer names, in the vendor's words. */
    private static List<String> failedFields(Vendor vendor, JsonNode error) {
        return switch (vendor) {
            case VAYU -> error.has("params") ? values(error.get("params"), "/param")
                    : List.of(error.path("param").asText());
            case LAYER -> values(error.path("errors"), "/meta/field");
        };
    }

    /** What the vendor's error format says beyond the fields: its type and code words for a refused field. */
    private static void assertVendorShape(NegativeRequest request, JsonNode error, String exchange) {
        switch (request.vendor()) {
            case VAYU -> {
                assertEquals("invalid_request_error", error.path("type").asText(), exchange);
                String code = request.broken().kind().equals("required") ? "parameter_missing" : "parameter_invalid";
                assertEquals(code, error.path("code").asText(), exchange);
                assertTrue(error.path("message").asText().contains(request.broken().field()), exchange);
            }
            case LAYER -> error.get("errors").forEach(entry -> {
                assertEquals("BadRequest", entry.path("type").asText(), exchange);
                assertEquals("SpecifiedBadRequest", entry.path("error_enum").asText(), exchange);
                assertTrue(entry.path("description").asText().contains(request.broken().field()), exchange);
            });
        }
    }

    /** The schema of the operation's documented 400 answer ($refs followed), or null when it gives none. */
    private static com.networknt.schema.Schema errorSchema(NegativeRequest request) {
        String at = request.spec().resolvedPointer(request.operation().pointer() + "/responses/400")
                + "/content/application~1json/schema";
        return request.spec().document().at(at).isMissingNode() ? null : request.spec().schemaAt(at);
    }

    private static HttpResponse<String> send(NegativeRequest request) throws Exception {
        HttpRequest.Builder http = HttpRequest.newBuilder(URI.create(stub.url(request.vendor()) + request.path()))
                .header("Authorization", "Bearer t");
        if (request.body() != null) {
            http.header("Content-Type", "application/json");
        }
        http.method(request.operation().method().toUpperCase(Locale.ROOT), request.body() == null
                ? BodyPublishers.noBody() : BodyPublishers.ofString(request.body().toString()));
        return HTTP.send(http.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static List<String> values(JsonNode array, String pointer) {
        return StreamSupport.stream(array.spliterator(), false).map(item -> item.at(pointer).asText()).toList();
    }
}
