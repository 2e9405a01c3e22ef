package dev.contractkit.stub;

import dev.contractkit.stub.support.AdminSnapshot;
import dev.contractkit.stub.support.RequiredHeaders;
import dev.contractkit.stub.support.StubHttp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.contractkit.stub.engine.Samples;
import dev.contractkit.stub.spec.Violation;
import dev.contractkit.stub.junit.StubServerExtension;
import dev.contractkit.stub.spec.OpenApiSpec;
import dev.contractkit.stub.spec.Operation;
import dev.contractkit.stub.spec.QueryParam;
import dev.contractkit.stub.spec.RequestValidator;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every required header parameter of every served operation (a vendor's tenant id, say), left out of a request
 * that carries everything else the operation requires: a 400 in the vendor's documented error format that names
 * the header, as for a missing required query parameter, and nothing stored changes. The cases come from the
 * packaged specs (none of the seed's declares one; a vendor's file dropped into specs/ brings its own, which the
 * drop-in build runs); HeaderParamsTest holds the rule on a fixture of its own.
 */
class HeaderParameterValidationAcceptanceTest {

    @RegisterExtension
    static StubServerExtension stub = StubServerExtension.newInstance().build();

    @TestFactory
    Stream<DynamicTest> aRequiredHeaderParameterLeftOutIsA400NamingItThatChangesNothing() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Vendor vendor : Vendor.packaged()) {
            OpenApiSpec spec = OpenApiSpec.load(vendor.prefix());
            for (Operation operation : spec.operations()) {
                for (QueryParam header : operation.headerParams().values()) {
                    if (header.required()) {
                        tests.add(DynamicTest.dynamicTest(vendor.prefix() + " " + operation.id() + ": without "
                                + header.name(), () -> refused(vendor, spec, operation, header.name())));
                    }
                }
            }
        }
        return tests.stream();
    }

    private static void refused(Vendor vendor, OpenApiSpec spec, Operation operation, String left) {
        StubServer server = stub.server();
        JsonNode before = AdminSnapshot.of(server);
        Samples samples = Samples.of(spec);
        JsonNode body = operation.hasBody() ? samples.of(operation.bodySchema().getSchemaNode()) : null;
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.url(vendor) + pathAndQuery(operation, samples)))
                .header("Authorization", "Bearer test-token")
                .method(operation.method().toUpperCase(java.util.Locale.ROOT), body == null
                        ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body.toString()));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        RequiredHeaders.of(operation, samples).forEach((name, value) -> {
            if (!name.equals(left)) {
                request.header(name, value);
            }
        });

        StubHttp.Answer answer = StubHttp.send(request);

        assertEquals(400, answer.status(), () -> String.valueOf(answer.body()));
        String pointer = spec.resolvedPointer(operation.pointer() + "/responses/400/content/application~1json/schema");
        if (!spec.document().at(pointer).isMissingNode()) { // a vendor's file may document its 400 without a schema
            List<Violation> misfits = RequestValidator.check(spec.schemaAt(pointer), answer.body(), "error");
            assertEquals(List.of(), misfits, "the vendor's documented 400: " + answer.body());
        }
        assertTrue(answer.body().toString().contains(left), "the body names " + left + ": " + answer.body());
        assertEquals(before, AdminSnapshot.of(server), "a refused request changes nothing");
    }

    /** The path with values fitting its parameters' schemas, and the required query parameters likewise. */
    private static String pathAndQuery(Operation operation, Samples samples) {
        String path = operation.pathTemplate();
        for (String name : operation.pathParamNames()) {
            JsonNode schema = operation.pathParamSchemas().containsKey(name)
                    ? operation.pathParamSchemas().get(name).getSchemaNode() : null;
            path = path.replace("{" + name + "}", schema == null ? "x" : samples.of(schema).asText("x"));
        }
        StringJoiner query = new StringJoiner("&", "?", "").setEmptyValue("");
        for (QueryParam param : operation.queryParams().values()) {
            if (param.required()) {
                query.add(param.name() + "=" + URLEncoder.encode(samples.of(param.schemaNode()).asText("x"),
                        StandardCharsets.UTF_8));
            }
        }
        return path + query;
    }
}
