package dev.contractkit.stub;

import dev.contractkit.stub.support.DefaultData;
import dev.contractkit.stub.support.SharedSandbox;
import dev.contractkit.stub.support.StubHttp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.contractkit.stub.support.StubHttp.Answer;
import dev.contractkit.stub.support.TestPostgres;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A shared sandbox whose database goes away: each vendor answers its own 503 (never a 500 or a Java name),
 * /__admin/health answers 503 saying DOWN and why, and once the database is back the same stub serves again, nothing lost.
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
        String vayu = stub.url(Vendor.VAYU) + DefaultData.VAYU_CUSTOMER;
        String layer = stub.url(Vendor.LAYER) + DefaultData.LAYER_CUSTOMER;
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

        TestPostgres.get().start();

        assertEquals(200, eventually(() -> StubHttp.put(vayu, "{}")).status());
        assertEquals("Before the outage", StubHttp.current(vayu).path("name").asText());
    }

    @Test
    void healthAnswers503WithItsBodyWhileTheDatabaseIsAwayAnd200OnceItIsBack() throws Exception {
        StubServer stub = sandbox.replica();
        String health = stub.baseUri() + "/__admin/health";
        assertEquals(200, StubHttp.send("GET", health, null).status());

        TestPostgres.get().stop();

        // A load balancer or a readiness probe reads the status code (Spring Boot Actuator answers DOWN 503 too).
        Answer down = StubHttp.send("GET", health, null);
        assertEquals(503, down.status(), () -> String.valueOf(down.body()));
        assertTrue(down.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), down.headers()::toString);
        assertEquals(List.of("reason", "status"), fieldNames(down.body()));
        assertEquals("DOWN", down.body().path("status").asText(), down.body()::toString);
        assertTrue(down.body().path("reason").asText().contains("unavailable"), down.body()::toString);
        assertFalse(down.body().toString().contains(TestPostgres.PASSWORD), "the reason names the password");

        TestPostgres.get().start();

        Answer up = eventually(() -> StubHttp.send("GET", health, null));
        assertEquals(200, up.status());
        assertEquals("{\"status\":\"UP\"}", up.body().toString());
    }

    private static List<String> fieldNames(JsonNode body) {
        List<String> names = new ArrayList<>();
        body.fieldNames().forEachRemaining(names::add);
        java.util.Collections.sort(names);
        return names;
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
