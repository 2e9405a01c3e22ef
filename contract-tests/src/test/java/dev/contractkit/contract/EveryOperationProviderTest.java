package dev.contractkit.contract;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.contractkit.contract.SpecDefect.Check;
import dev.contractkit.stub.StubServer;
import dev.contractkit.stub.spec.Violation;
import dev.contractkit.stub.junit.StubServerTest;
import dev.contractkit.stub.spec.RequestValidator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The stub serves every operation of every spec, documented by an example or not: a valid request built from
 * the spec (see {@link ValidRequests}) answers a documented 2xx whose body fits the spec's schema for it.
 */
@StubServerTest
class EveryOperationProviderTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static StubServer stub;

    @BeforeAll
    static void start(StubServer server) {
        stub = server;
    }

    @TestFactory
    Stream<DynamicTest> aValidRequestAnswersADocumentedSuccessThatFitsItsSchema() {
        return VendorOperation.all().map(o -> dynamicTest(o.testName("valid request, provider"), () -> check(o)));
    }

    private static void check(VendorOperation o) throws Exception {
        SpecDefects.of(o.vendor()).guard(o.id(), Check.PROVIDER);
        stub.reset();
        ValidRequest request = new ValidRequests(o.vendor(), o.spec()).existing(o.operation(), stub);

        HttpResponse<String> answer = HTTP.send(http(o, request), HttpResponse.BodyHandlers.ofString());

        int status = answer.statusCode();
        String exchange = o.id() + ": " + request + " -> " + status + " " + answer.body();
        assertTrue(ResponseKeys.isDocumentedSuccess(status, o.responseKeys()), "not a documented success: " + exchange);
        if (o.answersJson(status)) {
            JsonNode body = SpecDocument.JSON.readTree(answer.body());
            List<Violation> misfits = RequestValidator.check(o.spec().schemaAt(o.responseSchemaPointer(status)), body, "body");
            assertTrue(misfits.isEmpty(), () -> "the answer does not fit the spec's " + status + " schema: " + misfits
                    + "\n  " + exchange);
        }
    }

    private static HttpRequest http(VendorOperation o, ValidRequest request) {
        HttpRequest.Builder http = HttpRequest.newBuilder(URI.create(stub.url(StubVendors.of(o.vendor())) + request.pathAndQuery()))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + ContractExample.TOKEN)
                .method(o.operation().method().toUpperCase(Locale.ROOT), request.hasBody()
                        ? HttpRequest.BodyPublishers.ofString(request.body().toString()) : HttpRequest.BodyPublishers.noBody());
        if (request.hasBody()) {
            http.header("Content-Type", "application/json");
        }
        request.headers().forEach(http::header);
        return http.build();
    }
}
