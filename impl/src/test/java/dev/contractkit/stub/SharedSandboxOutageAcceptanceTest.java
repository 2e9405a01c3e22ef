package dev.contractkit.stub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.contractkit.stub.StubHttp.Answer;
import dev.contractkit.stub.store.TestPostgres;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A shared sandbox whose database goes away: each vendor answers its own 503 (never a 500 or a Java name),
 * /__admin/health says DOWN and why, and once the database is back the same stub serves again, nothing lost.
 */
class SharedSandboxOutageAcceptanceTest {

    private final SharedSandbox sandbox = new SharedSandbox();

    @AfterEach
    void stop() throws Exception {
        TestPostgres.get().start(); // back for the next test, whatever happened
        sandbox.close();
    }

    @Test
    void answersEachVendorsOwn503WhileTheDatabaseIsAwayAndServesAgainOnceItIsBack() throws Exception {
        StubServer stub = sandbox.replica();
        String vayu = stub.url(Vendor.VAYU) + StubHttp.VAYU_CUSTOMER;
        String layer = stub.url(Vendor.LAYER) + StubHttp.LAYER_CUSTOMER;
        assertEquals(200, StubHttp.put(vayu, "{\"name\":\"Before the outage\"}").status());

        TestPostgres.get().stop();

        Answer vayuAway = StubHttp.put(vayu, "{\"name\":\"During the outage\"}");
        assertEquals(503, vayuAway.status(), vayuAway.body()::toString);
        assertEquals("api_error", vayuAway.body().path("type").asText(), vayuAway.body()::toString);
        assertEquals("service_unavailable", vayuAway.body().path("code").asText());
        Answer layerAway = StubHttp.send("GET", layer, null);
        assertEquals(503, layerAway.status(), layerAway.body()::toString);
        assertEquals("ServiceUnavailable", layerAway.body().path("errors").path(0).path("type").asText(),
                layerAway.body()::toString);
        for (Answer away : new Answer[] {vayuAway, layerAway}) {
            assertFalse(away.body().toString().matches("(?s).*(SQL|postgresql|Exception|jdbc|Hikari).*"),
                    "a Java or database name reached the client: " + away.body());
        }
        Answer health = StubHttp.send("GET", stub.baseUri() + "/__admin/health", null);
        assertEquals(200, health.status());
        assertEquals("DOWN", health.body().path("status").asText(), health.body()::toString);
        assertTrue(health.body().path("reason").asText().contains("unavailable"), health.body()::toString);
        assertFalse(health.body().toString().contains(TestPostgres.PASSWORD), "the reason names the password");

        TestPostgres.get().start();

        assertEquals(200, eventually(() -> StubHttp.put(vayu, "{}")).status());
        assertEquals("Before the outage", StubHttp.current(vayu).path("name").asText());
        assertEquals("UP", StubHttp.send("GET", stub.baseUri() + "/__admin/health", null).body().path("status").asText());
    }

    /** The first 200 within 20 s: the pool replaces the connections the outage broke. */
    private static Answer eventually(Supplier<Answer> request) throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        Answer answer = request.get();
        while (answer.status() != 200 && System.nanoTime() < deadline) {
            assertEquals(503, answer.status(), answer.body()::toString);
            Thread.sleep(200);
            answer = request.get();
        }
        return answer;
    }
}
