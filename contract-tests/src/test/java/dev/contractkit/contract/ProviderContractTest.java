package dev.contractkit.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.contractkit.admin.server.model.Fault;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.contractkit.contract.SpecDefect.Check;
import dev.contractkit.stub.StubServer;
import dev.contractkit.stub.junit.StubServerTest;
import dev.contractkit.stub.spec.Violation;
import dev.contractkit.stub.spec.RequestValidator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** The stub keeps the contract: every documented example, sent to it over HTTP, answers as documented. */
@StubServerTest
class ProviderContractTest {

    static StubServer stub;
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeAll
    static void start(StubServer server) {
        stub = server;
    }

    @TestFactory
    Stream<DynamicTest> everyDocumentedExample() {
        return ContractExamples.all().stream().map(e -> DynamicTest.dynamicTest(e.testName("provider"), () -> replay(e)));
    }

    private static void replay(ContractExample example) throws Exception {
        SpecDefects.of(example.vendor()).guard(example.key(), Check.PROVIDER);
        arrange(example);

        HttpResponse<String> answer = HTTP.send(request(example), HttpResponse.BodyHandlers.ofString());

        assertTrue(example.answeredBy(answer.statusCode()), () -> example.id() + ": status " + answer.statusCode()
                + ", documented " + (example.exactStatus() ? example.status() : example.responseKey())
                + "; answer " + answer.body());
        JsonNode body = SpecDocument.JSON.readTree(answer.body());
        if (example.hasResponseSchema()) {
            List<Violation> misfits = RequestValidator.check(
                    example.spec().schemaAt(example.spec().resolvedPointer(example.responseSchemaPointer())), body, "body");
            assertTrue(misfits.isEmpty(), () -> example.id() + ": the answer does not fit the spec's "
                    + example.status() + " schema: " + misfits);
        }
        List<String> differences = JsonMatch.differences(example.responseBody(), body, example.matchByShape());
        if (!differences.isEmpty()) {
            fail(example.id() + ": the answer differs from the documented one at\n  " + String.join("\n  ", differences));
        }
        JsonNode declaredHeaders = example.spec().document()
                .at(example.spec().resolvedPointer(example.responsePointer()) + "/headers");
        declaredHeaders.fieldNames().forEachRemaining(header -> assertTrue(answer.headers().firstValue(header).isPresent(),
                () -> example.id() + ": the spec declares header " + header + " on " + example.status()));
    }

    /** What the example needs first: the loaded data, its items (by collection name), its fault. */
    private static void arrange(ContractExample example) throws Exception {
        stub.reset();
        example.given().fields().forEachRemaining(given -> {
            if (!given.getKey().equals("fault")) {
                String collection = StubCollections.path(stub, example.vendor(), given.getKey(), example.pathParams());
                given.getValue().forEach(item -> stub.state().seed(StubVendors.of(example.vendor()), collection, item));
            }
        });
        if (example.given().has("fault")) {
            ObjectNode fault = example.given().get("fault").deepCopy();
            fault.put("vendor", example.vendor()).put("operation", example.operation().id());
            stub.armFault(SpecDocument.JSON.treeToValue(fault, Fault.class));
        }
    }

    private static HttpRequest request(ContractExample example) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stub.url(StubVendors.of(example.vendor())) + example.pathAndQuery()))
                .timeout(Duration.ofSeconds(10))
                .method(example.operation().method().toUpperCase(), HttpRequest.BodyPublishers.ofByteArray(example.bodyBytes()));
        example.headers().forEach(request::header);
        return request.build();
    }
}
