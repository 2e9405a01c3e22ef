package dev.contractkit.contract;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.contractkit.contract.ClientArguments.ClientRequest;
import dev.contractkit.contract.ClientArguments.Unsendable;
import dev.contractkit.contract.SpecDefect.Check;
import dev.contractkit.stub.spec.Violation;
import dev.contractkit.stub.spec.RequestValidator;
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
        SpecDefects defects = SpecDefects.of(example.vendor());
        defects.guard(example.key(), Check.CONSUMER);
        defects.guard(example.operationKey(), Check.CONSUMER);
        wireMock.resetAll();
        wireMock.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(example.status())
                .withHeader("Content-Type", "application/json").withBody(example.responseBody().toString())));
        GeneratedClientCall call = new GeneratedClientCall(example);
        ObjectMapper clientJson = call.json();
        JsonNode body = sendable(example, clientJson);
        String token = example.headers().containsKey("Authorization") ? ContractExample.TOKEN : null;

        GeneratedClientCall.Outcome outcome;
        try {
            outcome = call.send(wireMock.baseUrl(), token, new ClientRequest(example.pathParams(), example.query(),
                    example.headerParams(), body));
        } catch (Unsendable refused) {
            // Layer's not-a-uuid: the client's UUID argument cannot carry it, so no client can send this request.
            // Sending it as a raw path would test WireMock, not the client; what holds is that the types refuse
            // exactly what the spec refuses, so this passes only for an example that documents the 400.
            assertTrue(example.documentsBadRequest(), () -> example.id() + ": the client cannot send a request the "
                    + "spec accepts: " + refused.getMessage());
            return;
        }

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
     * What the client must send: the documented body itself whenever the spec allows it (never a round trip
     * through the client's own models, which would check the client against itself). A body the spec
     * refuses (Vayu's guide's NET_45) is sent as the typed client can carry it, or empty when it cannot: the
     * client cannot send what its types forbid. Missing for an operation that takes no body.
     */
    private static JsonNode sendable(ContractExample example, ObjectMapper clientJson) throws Exception {
        if (!example.operation().hasBody()) {
            return MissingNode.getInstance();
        }
        JsonNode documented = example.jsonBody();
        if (!documented.isMissingNode() && RequestValidator.body(example.operation(), documented).isEmpty()) {
            return documented;
        }
        if (!documented.isMissingNode()) {
            Object typed = clientJson.treeToValue(documented, RequestModels.bodyType(example.vendor(), example.spec(),
                    example.operation()));
            if (documented.equals(clientJson.valueToTree(typed))) {
                return documented;
            }
        }
        return clientJson.createObjectNode();
    }

    private static void checkSent(ContractExample example, LoggedRequest sent, JsonNode body, String token)
            throws Exception {
        assertEquals(example.path(), SentRequests.path(sent), () -> example.id() + ": path sent");
        assertEquals(example.operation().method().toUpperCase(), sent.getMethod().getName());
        assertEquals(QueryStrings.typed(example.operation(), QueryStrings.asText(example.query())),
                QueryStrings.typed(example.operation(), QueryStrings.parse(sent.getUrl())),
                () -> example.id() + ": query sent " + sent.getUrl());
        assertEquals(token == null ? null : "Bearer " + token, sent.getHeader("Authorization"),
                () -> example.id() + ": Authorization sent");
        assertEquals(body, SentRequests.body(sent), () -> example.id() + ": body sent");
        if (!example.documentsBadRequest()) { // a bad request's example is sent as documented, spec or not
            List<Violation> misfits = SentRequests.misfits(example.spec(), sent);
            assertTrue(misfits.isEmpty(), () -> example.id() + ": the client sent a request the spec refuses: " + misfits);
        }
    }
}
