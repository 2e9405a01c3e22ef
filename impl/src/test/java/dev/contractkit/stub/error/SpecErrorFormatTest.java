package dev.contractkit.stub.error;

import dev.contractkit.stub.refusal.ErrorKind;
import dev.contractkit.stub.refusal.StubException;
import dev.contractkit.stub.spec.Violation;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.contractkit.stub.spec.OpenApiSpec;
import dev.contractkit.stub.spec.Operation;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Error bodies built from a spec's documented error schemas, over small specs of this test's own (one a
 * shape vendors use, under src/test/resources/.../error): for a validation error with two failed fields, a
 * 404 and a 500, each body validates against the schema the operation documents for its status and says
 * the message and the fields; the same without a routed operation.
 */
class SpecErrorFormatTest {

    static final StubException INVALID = StubException.invalid(List.of(
            new Violation("email", "must be a valid email address", false),
            new Violation("tags[0].value", "is required", true)));
    static final StubException NOT_FOUND = new StubException(ErrorKind.NOT_FOUND, "thing t1 not found");
    static final StubException INTERNAL = new StubException(ErrorKind.INTERNAL, "An internal error occurred");

    @Test
    void aFlatMessageAndCode() throws Exception {
        Fixture flat = new Fixture("flat");

        JsonNode invalid = flat.documented(INVALID, "400", "application/json");
        assertNamesBothFields(invalid.get("message").asText());
        assertEquals("invalid_request", invalid.get("code").asText());
        assertEquals("thing t1 not found", flat.documented(NOT_FOUND, "404", "application/json").get("message").asText());
        assertEquals("internal", flat.documented(INTERNAL, "500", "application/json").get("code").asText());
    }

    @Test
    void problemDetailsWithAnErrorsExtension() throws Exception {
        Fixture problem = new Fixture("problem");

        JsonNode invalid = problem.documented(INVALID, "400", "application/problem+json");
        assertEquals("about:blank", invalid.get("type").asText());
        assertEquals("Bad Request", invalid.get("title").asText());
        assertEquals(400, invalid.get("status").asInt());
        assertEquals("2 parameters failed validation", invalid.get("detail").asText());
        assertEquals("/email", invalid.at("/errors/0/pointer").asText());
        assertEquals("must be a valid email address", invalid.at("/errors/0/detail").asText());
        assertEquals("/tags/0/value", invalid.at("/errors/1/pointer").asText());
        JsonNode notFound = problem.documented(NOT_FOUND, "404", "application/problem+json");
        assertEquals("Not Found", notFound.get("title").asText());
        assertEquals("thing t1 not found", notFound.get("detail").asText());
        assertEquals(500, problem.documented(INTERNAL, "5XX", "application/problem+json").get("status").asInt());
    }

    @Test
    void aNestedWrapperWithAnEnumType() throws Exception {
        Fixture stripe = new Fixture("stripe-like");

        JsonNode invalid = stripe.documented(INVALID, "default", "application/json").get("error");
        assertEquals("invalid_request_error", invalid.get("type").asText());
        assertNamesBothFields(invalid.get("message").asText());
        assertEquals("email", invalid.get("param").asText());
        JsonNode notFound = stripe.documented(NOT_FOUND, "default", "application/json").get("error");
        assertEquals("invalid_request_error", notFound.get("type").asText());
        assertEquals("thing t1 not found", notFound.get("message").asText());
        assertFalse(notFound.has("param"));
        assertEquals("api_error", stripe.documented(INTERNAL, "default", "application/json").at("/error/type").asText());
    }

    @Test
    void onlyADefaultResponseWithAnIntegerCode() throws Exception {
        Fixture defaultOnly = new Fixture("default-only");

        JsonNode invalid = defaultOnly.documented(INVALID, "default", "application/json");
        assertEquals(400, invalid.get("code").asInt());
        assertNamesBothFields(invalid.get("message").asText());
        assertEquals(404, defaultOnly.documented(NOT_FOUND, "default", "application/json").get("code").asInt());
        assertEquals(500, defaultOnly.documented(INTERNAL, "default", "application/json").get("code").asInt());
    }

    @Test
    void aSuccessFlagAndAListOfFieldErrors() throws Exception {
        Fixture failure = new Fixture("success-false");

        JsonNode invalid = failure.documented(INVALID, "400", "application/json");
        assertFalse(invalid.get("success").asBoolean(true));
        assertEquals("email", invalid.at("/errors/0/field").asText());
        assertEquals("must be a valid email address", invalid.at("/errors/0/message").asText());
        assertEquals("tags[0].value", invalid.at("/errors/1/field").asText());
        JsonNode notFound = failure.documented(NOT_FOUND, "404", "application/json");
        assertEquals(1, notFound.get("errors").size());
        assertEquals("thing t1 not found", notFound.at("/errors/0/message").asText());
        failure.documented(INTERNAL, "500", "application/json");
    }

    @Test
    void aCodeRestrictedToAnEnumAndRequiredMembersOfNoMeaning() throws Exception {
        Fixture enumCode = new Fixture("enum-code");

        JsonNode invalid = enumCode.documented(INVALID, "400", "application/json");
        assertEquals("VALIDATION_FAILED", invalid.get("error_code").asText());
        assertEquals("email", invalid.at("/invalid_fields/0/name").asText());
        assertEquals("is required", invalid.at("/invalid_fields/1/reason").asText());
        assertTrue(invalid.has("request_id") && invalid.has("timestamp"), invalid.toString());
        assertEquals("RESOURCE_NOT_FOUND", enumCode.documented(NOT_FOUND, "404", "application/json").get("error_code").asText());
        assertEquals("INTERNAL_ERROR", enumCode.documented(INTERNAL, "500", "application/json").get("error_code").asText());
        JsonNode unauthorized = enumCode.documented(new StubException(ErrorKind.UNAUTHORIZED, "no token"), "400", "application/json");
        assertEquals("UNAUTHENTICATED", unauthorized.get("error_code").asText());
    }

    @Test
    void noBodyDocumentedForTheStatusButAnErrorSchemaAmongTheComponents() throws Exception {
        Fixture components = new Fixture("component-error");
        String schema = "/components/schemas/ErrorResponse";

        ObjectNode invalid = components.format.body(INVALID, components.operation);
        SpecBodies.assertValid(components.spec, schema, invalid);
        assertEquals("email", invalid.at("/error/details/0/target").asText());
        assertEquals("must be a valid email address", invalid.at("/error/details/0/message").asText());
        assertEquals("invalid_request", invalid.at("/error/code").asText());
        ObjectNode notFound = components.format.body(NOT_FOUND, null);
        SpecBodies.assertValid(components.spec, schema, notFound);
        assertEquals("thing t1 not found", notFound.at("/error/message").asText());
        assertEquals("application/json", components.format.mediaType(components.operation, 404));
    }

    @Test
    void noErrorSchemaButTheSpecsTemplate() throws Exception {
        Fixture template = new Fixture("template");
        SpecErrorFormat format = template.format;

        ObjectNode invalid = format.body(INVALID, template.operation);
        assertEquals("application/vnd.api+json", format.mediaType(template.operation, 400));
        assertEquals(2, invalid.get("errors").size(), invalid.toString());
        assertEquals("400", invalid.at("/errors/0/status").asText());
        assertTrue(invalid.at("/errors/0/status").isTextual());
        assertEquals("invalid_request", invalid.at("/errors/0/code").asText());
        assertEquals("email", invalid.at("/errors/0/source/pointer").asText());
        assertEquals("is required", invalid.at("/errors/1/detail").asText());
        assertEquals(400, invalid.at("/meta/status").asInt());
        assertTrue(invalid.at("/meta/status").isInt());
        ObjectNode notFound = format.body(NOT_FOUND, null);
        assertEquals(1, notFound.get("errors").size());
        assertEquals("thing t1 not found", notFound.at("/errors/0/detail").asText());
        assertEquals("Not Found", notFound.at("/errors/0/title").asText());
        assertFalse(notFound.at("/errors/0").has("source"), notFound.toString());
    }

    @Test
    void noErrorSchemaAndNoTemplateGetsANeutralBody() throws Exception {
        Fixture undocumented = new Fixture("undocumented");
        SpecErrorFormat format = undocumented.format;

        ObjectNode invalid = format.body(INVALID, undocumented.operation);
        assertNamesBothFields(invalid.get("message").asText());
        assertEquals("invalid_request", invalid.get("code").asText());
        assertEquals("tags[0].value", invalid.at("/errors/1/field").asText());
        assertEquals("application/json", format.mediaType(undocumented.operation, 404));
        assertEquals("thing t1 not found", format.body(NOT_FOUND, undocumented.operation).get("message").asText());
        assertEquals("internal", format.body(INTERNAL, null).get("code").asText());
    }

    private static void assertNamesBothFields(String message) {
        assertTrue(message.contains("email") && message.contains("tags[0].value"), message);
    }

    /** A fixture spec's one operation, PUT /things/{id}, and the error format built from the spec. */
    private static final class Fixture {

        final OpenApiSpec spec;
        final Operation operation;
        final SpecErrorFormat format;

        Fixture(String name) throws Exception {
            Path folder = Path.of(SpecErrorFormatTest.class.getResource(name + ".yaml").toURI()).getParent();
            spec = OpenApiSpec.load(folder, name);
            operation = spec.route("PUT", "/things/t1").operation();
            format = new SpecErrorFormat(spec);
        }

        /**
         * The body for the error, routed and unrouted, each checked against the schema of the operation's
         * response {@code key} and served as {@code mediaType}; the routed one is returned.
         */
        JsonNode documented(StubException error, String key, String mediaType) {
            String schema = spec.resolvedPointer(operation.pointer() + "/responses/" + key) + "/content/"
                    + mediaType.replace("/", "~1") + "/schema";
            ObjectNode routed = format.body(error, operation);
            ObjectNode unrouted = format.body(error, null);
            SpecBodies.assertValid(spec, schema, routed);
            SpecBodies.assertValid(spec, schema, unrouted);
            assertEquals(mediaType, format.mediaType(operation, error.kind().status()));
            assertEquals(mediaType, format.mediaType(null, error.kind().status()));
            return routed;
        }
    }
}
