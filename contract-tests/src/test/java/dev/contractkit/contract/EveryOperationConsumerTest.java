package dev.contractkit.contract;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.contractkit.contract.SpecDefect.Check;
import dev.contractkit.stub.spec.Violation;
import dev.contractkit.stub.spec.RequestValidator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The generated client serves every operation of every spec, documented by an example or not: WireMock answers
 * a spec-valid success, the client is called with a valid value for every parameter (each query parameter
 * too, so each must arrive under its own name), and it must send a request that fits the spec and return the
 * answer it was given.
 */
class EveryOperationConsumerTest {

    private static WireMockServer wireMock;

    @BeforeAll
    static void start() {
        wireMock = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        wireMock.start();
    }

    @AfterAll
    static void stop() {
        wireMock.stop();
    }

    @TestFactory
    Stream<DynamicTest> theClientSendsAValidRequestAndReadsAValidAnswer() {
        return VendorOperation.all().map(o -> dynamicTest(o.testName("valid request, consumer"), () -> check(o)));
    }

    private static void check(VendorOperation o) throws Exception {
        SpecDefects.of(o.vendor()).guard(o.id(), Check.CONSUMER);
        int status = o.operation().successStatus();
        JsonNode answer = SuccessAnswers.of(o, status);
        if (answer != null) {
            List<Violation> misfits = RequestValidator.check(o.spec().schemaAt(o.responseSchemaPointer(status)), answer, "body");
            assertTrue(misfits.isEmpty(), () -> o.id() + ": no valid " + status + " answer derived: " + misfits);
        }
        wireMock.resetAll();
        ResponseDefinitionBuilder response = aResponse().withStatus(status);
        if (answer != null) {
            response.withHeader("Content-Type", "application/json").withBody(answer.toString());
        }
        wireMock.stubFor(any(anyUrl()).willReturn(response));
        ValidRequest request = new ValidRequests(o.vendor(), o.spec()).fitting(o.operation(), true);
        GeneratedClientCall call = new GeneratedClientCall(o);

        GeneratedClientCall.Outcome outcome = call.send(wireMock.baseUrl(), ContractExample.TOKEN, request.forClient());

        String what = o.id() + " " + request;
        assertEquals(status, outcome.status(), () -> what + ": the client reports " + outcome);
        LoggedRequest sent = wireMock.getAllServeEvents().get(0).getRequest();
        checkSent(o, request, sent, what);
        if (answer != null) {
            ObjectMapper clientJson = call.json();
            // Both sides with the documented defaults: a client that initialises a defaulted field reads the same value.
            JsonNode schema = o.spec().document().at(o.spec().resolvedPointer(o.responseSchemaPointer(status)));
            List<String> differences = JsonMatch.differences(SchemaDefaults.filled(o.spec().document(), schema, answer),
                    SchemaDefaults.filled(o.spec().document(), schema, clientJson.valueToTree(outcome.data())), List.of());
            assertTrue(differences.isEmpty(), () -> what + ": the client read the answer differently at " + differences);
        }
    }

    private static void checkSent(VendorOperation o, ValidRequest request, LoggedRequest sent, String what)
            throws Exception {
        assertEquals(o.operation().method().toUpperCase(Locale.ROOT), sent.getMethod().getName(), what);
        assertEquals(PathTemplates.fillRaw(o.operation().pathTemplate(), request.pathParams()), SentRequests.path(sent),
                () -> what + ": path sent");
        assertEquals(QueryStrings.typed(o.operation(), QueryStrings.asText(request.query())),
                QueryStrings.typed(o.operation(), QueryStrings.parse(sent.getUrl())), () -> what + ": query sent " + sent.getUrl());
        request.headers().forEach((name, value) -> assertEquals(value, sent.getHeader(name), () -> what + ": header " + name + " sent"));
        if (SentRequests.isJson(sent)) {
            JsonNode schema = o.spec().document().at(o.spec().resolvedPointer(o.operation().pointer()
                    + "/requestBody/content/application~1json/schema"));
            assertEquals(SchemaDefaults.filled(o.spec().document(), schema, request.body()),
                    SchemaDefaults.filled(o.spec().document(), schema, SentRequests.body(sent)), () -> what + ": body sent");
        } else {
            // A body that is no JSON (a multipart upload): sent with a media type the operation declares.
            String type = sent.getHeader("Content-Type").replaceFirst(";.*", "").trim();
            assertTrue(o.spec().document().at(o.spec().resolvedPointer(o.operation().pointer() + "/requestBody/content"))
                    .has(type), () -> what + ": sent as " + type);
        }
        List<Violation> misfits = SentRequests.misfits(o.spec(), sent);
        assertTrue(misfits.isEmpty(), () -> what + ": the client sent a request the spec refuses: " + misfits);
    }
}
