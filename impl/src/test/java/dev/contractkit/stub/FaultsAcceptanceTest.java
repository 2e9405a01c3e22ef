package dev.contractkit.stub;

import dev.contractkit.stub.support.DefaultData;
import dev.contractkit.stub.support.AdminClients;
import dev.contractkit.stub.support.StubHttp;
import static dev.contractkit.stub.support.AdminClients.assertRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.contractkit.admin.client.ApiException;
import dev.contractkit.admin.client.api.AdminApi;
import dev.contractkit.admin.client.model.Fault;
import dev.contractkit.stub.support.StubHttp.Answer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import dev.contractkit.stub.junit.StubServerTest;

/** Faults armed through the admin API make the vendor misbehave, in its own words. */
@StubServerTest
class FaultsAcceptanceTest {

    static StubServer stub;
    static AdminApi admin;
    static String vayu;
    static String layer;

    @BeforeAll
    static void start(StubServer server) {
        stub = server;
        admin = AdminClients.admin(stub);
        vayu = stub.url(Vendor.VAYU) + DefaultData.VAYU_CUSTOMER;
        layer = stub.url(Vendor.LAYER) + DefaultData.LAYER_CUSTOMER;
    }



    @Test
    void status429AnswersVayusDocumentedBodyWithRetryAfterForTheNextNRequests() throws ApiException {
        admin.armFault(new Fault().vendor("vayu").kind(Fault.KindEnum.STATUS).status(429)
                .retryAfterSeconds(7).times(2));

        for (int i = 0; i < 2; i++) {
            Answer answer = StubHttp.put(vayu, "{\"name\":\"never stored\"}");
            assertEquals(429, answer.status());
            assertEquals("7", answer.headers().firstValue("Retry-After").orElseThrow());
            assertEquals("rate_limit_error", answer.body().get("type").asText());
            assertEquals("rate_limit_exceeded", answer.body().get("code").asText());
            assertEquals("Too many requests", answer.body().get("message").asText());
        }
        assertEquals(200, StubHttp.put(vayu, "{}").status());
        assertTrue(admin.listFaults().getFaults().isEmpty(), "a spent fault is gone");
    }

    @Test
    void status429OnLayerCarriesItsRateLimitHeaders() throws ApiException {
        admin.armFault(new Fault().vendor("layer").kind(Fault.KindEnum.STATUS).status(429).times(1));

        Answer answer = StubHttp.put(layer, "{}");

        assertEquals(429, answer.status());
        assertEquals("RateLimitExceeded", answer.body().at("/errors/0/type").asText());
        assertEquals("0", answer.headers().firstValue("X-RateLimit-Remaining").orElseThrow());
        assertTrue(answer.headers().firstValue("X-RateLimit-Limit").isPresent());
        assertTrue(answer.headers().firstValue("X-RateLimit-Reset").isPresent());
    }

    @Test
    void status500And503AnswerTheVendorsErrorBodiesUntilCleared() throws ApiException {
        Fault armed = admin.armFault(new Fault().vendor("vayu").kind(Fault.KindEnum.STATUS).status(500));
        admin.armFault(new Fault().vendor("layer").kind(Fault.KindEnum.STATUS).status(503));

        for (int i = 0; i < 3; i++) {
            Answer answer = StubHttp.put(vayu, "{}");
            assertEquals(500, answer.status());
            assertEquals("internal_error", answer.body().get("code").asText());
        }
        Answer layerAnswer = StubHttp.put(layer, "{}");
        assertEquals(503, layerAnswer.status());
        assertTrue(layerAnswer.body().at("/errors/0/type").isTextual());

        admin.clearFault(armed.getId());
        assertEquals(200, StubHttp.put(vayu, "{}").status());
        assertEquals(503, StubHttp.put(layer, "{}").status());
        admin.clearFaults();
        assertEquals(200, StubHttp.put(layer, "{}").status());
    }

    @Test
    void aFaultForOneOperationLeavesOthersAlone() throws ApiException {
        admin.armFault(new Fault().vendor("vayu").operation("createCustomer").kind(Fault.KindEnum.STATUS)
                .status(500));

        assertEquals(200, StubHttp.put(vayu, "{}").status());
        admin.armFault(new Fault().vendor("vayu").operation("updateCustomer").kind(Fault.KindEnum.STATUS)
                .status(500));
        assertEquals(500, StubHttp.put(vayu, "{}").status());
    }

    @Test
    void aFixedDelayHoldsTheAnswerBack() throws ApiException {
        admin.armFault(new Fault().vendor("layer").kind(Fault.KindEnum.DELAY).delayMs(300).times(1));

        long start = System.nanoTime();
        Answer answer = StubHttp.put(layer, "{}");

        assertEquals(200, answer.status());
        assertTrue((System.nanoTime() - start) / 1_000_000 >= 300);
    }

    @Test
    void aRandomDelayIsReproducibleFromItsSeed() throws ApiException {
        List<String> first = delays(42);
        List<String> again = delays(42);

        assertEquals(first, again);
        for (String delay : first) {
            int ms = Integer.parseInt(delay.replaceAll(".*delay=(\\d+)ms", "$1"));
            assertTrue(ms >= 1 && ms <= 40, delay);
        }
        assertTrue(first.stream().distinct().count() > 1, "drawn, not fixed: " + first);
    }

    @Test
    void aDroppedConnectionGetsNoAnswerAndChangesNothing() throws Exception {
        admin.armFault(new Fault().vendor("vayu").kind(Fault.KindEnum.DROP).times(1));

        HttpRequest request = HttpRequest.newBuilder(URI.create(vayu)).header("Authorization", "Bearer t")
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"name\":\"dropped\"}")).build();
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        assertThrows(IOException.class, () -> client.send(request, HttpResponse.BodyHandlers.ofString()));

        assertEquals("Acme Analytics", StubHttp.current(vayu).get("name").asText());
    }

    @Test
    void refusesAFaultWithoutWhatItsKindNeeds() {
        assertRefused(400, () -> admin.armFault(new Fault().vendor("vayu").kind(Fault.KindEnum.STATUS)));
        assertRefused(400, () -> admin.armFault(new Fault().vendor("vayu").kind(Fault.KindEnum.DELAY)));
        assertRefused(400, () -> admin.armFault(new Fault().vendor("vayu").kind(Fault.KindEnum.STATUS)
                .status(200)));
    }

    private static List<String> delays(long seed) throws ApiException {
        admin.resetState(null);
        admin.armFault(new Fault().vendor("vayu").kind(Fault.KindEnum.DELAY).delayMs(1).delayMaxMs(40)
                .seed(seed).times(5));
        List<String> delays = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            delays.add(StubHttp.put(vayu, "{}").headers().firstValue("X-Stub-Fault").orElseThrow());
        }
        return delays.stream().map(d -> d.replaceAll("^fault-\\d+ ", "")).toList();
    }
}
