package dev.contractkit.contract;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.contractkit.stub.error.Violation;
import dev.contractkit.stub.spec.RequestValidator;
import dev.contractkit.stub.spec.Route;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The generated client keeps the contract: for every documented example, a WireMock double answers the
 * documented response, the client sends the documented request, and the test checks what was sent (against
 * the spec, by its validator, and against the example) and what the client made of the answer.
 */
class ConsumerContractTest {

    static WireMockServer wireMock;

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
    Stream<DynamicTest> everyDocumentedExample() {
        return ContractExamples.all().stream().map(e -> DynamicTest.dynamicTest(e.testName("consumer"), () -> replay(e)));
    }

    private static void replay(ContractExample example) throws Exception {
        wireMock.resetAll();
        wireMock.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(example.status())
                .withHeader("Content-Type", "application/json").withBody(example.responseBody().toString())));
        GeneratedClientCall call = new GeneratedClientCall(example);
        ObjectMapper clientJson = call.json();
        JsonNode body = sendable(example, clientJson);
        String token = example.headers().containsKey("Authorization") ? ContractExample.TOKEN : null;

        GeneratedClientCall.Outcome outcome = call.send(wireMock.baseUrl(), token, example.pathParams(), body);

        LoggedRequest sent = wireMock.getAllServeEvents().get(0).getRequest();
        checkSent(example, sent, body, token);
        assertEquals(example.status(), outcome.status(), () -> example.id() + ": status the client reports");
        JsonNode understood = outcome.data() != null ? clientJson.valueToTree(outcome.data())
                : SpecDocument.JSON.readTree(outcome.errorBody());
        List<String> differences = JsonMatch.differences(example.responseBody(), understood, List.of());
        assertTrue(differences.isEmpty(), () -> example.id() + ": the client read the answer differently at "
                + differences);
    }

    /**
     * The example's body when the typed client can carry it unchanged; an empty update when it cannot (an
     * unknown enum value, a body of some size or raw text): the client cannot send what its types forbid.
     */
    private static JsonNode sendable(ContractExample example, ObjectMapper clientJson) throws Exception {
        JsonNode documented = example.jsonBody();
        if (!documented.isMissingNode()) {
            Object typed = clientJson.treeToValue(documented, requestType(example));
            if (documented.equals(clientJson.valueToTree(typed))) {
                return documented;
            }
        }
        return clientJson.createObjectNode();
    }

    /** The generated model of the operation's request body, named after its schema. */
    private static Class<?> requestType(ContractExample example) throws ClassNotFoundException {
        String ref = example.spec().document().at(ContractExamples.operationPointer(example.operation())
                + "/requestBody/$ref").asText("");
        String pointer = ref.isEmpty() ? ContractExamples.operationPointer(example.operation()) + "/requestBody" : ref.substring(1);
        String schemaRef = example.spec().document().at(pointer + "/content/application~1json/schema/$ref").asText();
        String model = schemaRef.substring(schemaRef.lastIndexOf('/') + 1);
        return Class.forName("dev.contractkit." + example.vendor().prefix() + ".client.model." + model);
    }

    private static void checkSent(ContractExample example, LoggedRequest sent, JsonNode body, String token)
            throws Exception {
        assertEquals(example.path(), sent.getUrl(), () -> example.id() + ": path sent");
        assertEquals(example.operation().method().toUpperCase(), sent.getMethod().getName());
        assertEquals(token == null ? null : "Bearer " + token, sent.getHeader("Authorization"),
                () -> example.id() + ": Authorization sent");
        JsonNode sentBody = SpecDocument.JSON.readTree(sent.getBodyAsString());
        assertEquals(body, sentBody, () -> example.id() + ": body sent");
        if (example.status() != 400) {
            Route route = example.spec().route(sent.getMethod().getName(), sent.getUrl());
            List<Violation> misfits = new ArrayList<>(RequestValidator.pathParams(route));
            misfits.addAll(RequestValidator.body(route.operation(), sentBody));
            assertTrue(misfits.isEmpty(), () -> example.id() + ": the client sent a request the spec refuses: " + misfits);
        }
    }

}
