package dev.contractkit.stub;

import dev.contractkit.stub.support.DefaultData;
import dev.contractkit.stub.support.AdminSnapshot;
import dev.contractkit.stub.support.StubHttp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.contractkit.stub.engine.Samples;
import dev.contractkit.stub.error.SpecErrorFormat;
import dev.contractkit.stub.refusal.StubException;
import dev.contractkit.stub.spec.Violation;
import dev.contractkit.stub.junit.StubServerExtension;
import dev.contractkit.stub.spec.OpenApiSpec;
import dev.contractkit.stub.spec.Operation;
import dev.contractkit.stub.spec.QueryParam;
import dev.contractkit.stub.spec.RequestValidator;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every query parameter of every served operation, sent with a value its schema refuses (a wrong type, a value
 * outside its enum, below its minimum or above its maximum, longer than its maxLength): a 400 in the vendor's
 * documented error format that names the parameter, and nothing stored changes (issue 25, item 7d). The cases come
 * from the specs, so a parameter added to a spec is tested without touching this class.
 */
class QueryParameterValidationAcceptanceTest {

    /** The path parameters' values in the loaded data, so a refusal is the query's and not a missing owner's. */
    private static final Map<String, String> LOADED = Map.of("business_id", DefaultData.LAYER_BUSINESS_ID,
            "customer_id", DefaultData.LAYER_CUSTOMER_ID, "customerId", DefaultData.VAYU_CUSTOMER_ID);

    @RegisterExtension
    static StubServerExtension stub = StubServerExtension.newInstance().build();

    /** A value a query parameter's schema refuses, and which rule it breaks. */
    private record Bad(String rule, String value) {
    }

    @TestFactory
    Stream<DynamicTest> aQueryParameterBreakingItsSchemaIsA400NamingItThatChangesNothing() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Vendor vendor : Vendor.packaged()) {
            OpenApiSpec spec = OpenApiSpec.load(vendor.prefix());
            for (Operation operation : spec.operations()) {
                if (operation.bodyRequired()) {
                    continue; // a request without its body would be refused for that too
                }
                for (QueryParam param : operation.queryParams().values()) {
                    for (Bad bad : badValues(param.schemaNode())) {
                        tests.add(DynamicTest.dynamicTest(vendor.prefix() + " " + operation.id() + ": " + param.name()
                                + "=" + bad.value() + " (" + bad.rule() + ")",
                                () -> refused(vendor, spec, operation, param.name(), bad.value())));
                    }
                }
            }
        }
        assertTrue(tests.size() >= 5, "the served specs give query parameters with rules to break: " + tests.size());
        return tests.stream();
    }

    private static void refused(Vendor vendor, OpenApiSpec spec, Operation operation, String param, String value) {
        StubServer server = stub.server();
        JsonNode before = AdminSnapshot.of(server);
        String url = server.url(vendor) + path(spec, operation) + "?" + param + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);

        StubHttp.Answer answer = StubHttp.send(operation.method(), url, null);

        assertEquals(400, answer.status(), () -> String.valueOf(answer.body()));
        String pointer = spec.resolvedPointer(operation.pointer() + "/responses/400/content/application~1json/schema");
        if (!spec.document().at(pointer).isMissingNode()) { // a vendor's file may document its 400 without a schema
            List<Violation> misfits = RequestValidator.check(spec.schemaAt(pointer), answer.body(), "error");
            assertEquals(List.of(), misfits, "the vendor's documented 400: " + answer.body());
        }
        assertTrue(names(answer.body(), param, namesFields(spec, operation, param)),
                "the body names " + param + ": " + answer.body());
        assertEquals(before, AdminSnapshot.of(server), "a refused request changes nothing");
    }

    /**
     * Whether some text of the body is the parameter's name (Vayu's param, Layer's meta.field); where the
     * vendor's error format has no member that names a field (only a message), a text that names it as a word.
     */
    private static boolean names(JsonNode body, String param, boolean exactly) {
        if (body.isTextual()) {
            return body.asText().equals(param)
                    || !exactly && java.util.regex.Pattern.compile("\\b" + java.util.regex.Pattern.quote(param) + "\\b")
                            .matcher(body.asText()).find();
        }
        for (JsonNode child : body) {
            if (names(child, param, exactly)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the operation's documented 400 has a member that names the failed field, as the stub builds it. */
    private static boolean namesFields(OpenApiSpec spec, Operation operation, String param) {
        StubException refusal = StubException.invalid(List.of(new Violation(param, "is refused", false)));
        return names(new SpecErrorFormat(spec).body(refusal, operation), param, true);
    }

    /** The loaded data's values where the path names them, else a value that fits the parameter's schema. */
    private static String path(OpenApiSpec spec, Operation operation) {
        String path = operation.pathTemplate();
        Samples samples = Samples.of(spec);
        for (String name : operation.pathParamNames()) {
            String value = LOADED.containsKey(name) ? LOADED.get(name)
                    : samples.of(operation.pathParamSchemas().get(name).getSchemaNode()).asText("x");
            path = path.replace("{" + name + "}", value);
        }
        return path;
    }

    /** The values the schema refuses, one a rule it has: type, enum, minimum, maximum, maxLength. */
    private static List<Bad> badValues(JsonNode schema) {
        List<Bad> bad = new ArrayList<>();
        String type = schema.path("type").asText();
        switch (type) {
            case "integer" -> {
                bad.add(new Bad("type", "many"));
                bad.add(new Bad("type", "1.5"));
            }
            case "number" -> bad.add(new Bad("type", "many"));
            case "boolean" -> bad.add(new Bad("type", "maybe"));
            default -> { }
        }
        if (schema.has("enum")) {
            StringBuilder outside = new StringBuilder("NOT_");
            schema.get("enum").forEach(v -> outside.append(v.asText()));
            bad.add(new Bad("enum", outside.toString()));
        }
        if (schema.has("minimum")) {
            bad.add(new Bad("minimum", number(schema.get("minimum").decimalValue().subtract(java.math.BigDecimal.ONE), type)));
        }
        if (schema.has("maximum")) {
            bad.add(new Bad("maximum", number(schema.get("maximum").decimalValue().add(java.math.BigDecimal.ONE), type)));
        }
        if (schema.has("maxLength")) {
            bad.add(new Bad("maxLength", "x".repeat(schema.get("maxLength").asInt() + 1)));
        }
        return bad;
    }

    private static String number(java.math.BigDecimal value, String type) {
        return type.equals("integer") ? value.toBigInteger().toString() : value.toPlainString();
    }
}
