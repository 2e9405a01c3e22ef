package dev.contractkit.stub;

import dev.contractkit.stub.support.DefaultData;
import dev.contractkit.stub.support.AdminClients;
import dev.contractkit.stub.support.StubHttp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.contractkit.admin.client.ApiException;
import java.net.URI;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Off loopback the admin API wants the stub's admin token; on loopback it stays open; vendors keep their own auth. */
class AdminTokenAcceptanceTest {

    private static final String TOKEN = "configured-admin-token-for-tests";
    private static StubServer exposed;

    @BeforeAll
    static void start() {
        exposed = StubServer.builder().host("0.0.0.0").adminToken(TOKEN).start();
    }

    @AfterAll
    static void stop() {
        exposed.close();
    }

    @Test
    void anAdminCallWithoutTheTokenIsA401ThatSaysNothingOfIt() {
        StubHttp.Answer refused = admin(exposed, "/health", null);

        assertEquals(401, refused.status());
        assertTrue(refused.body().path("message").asText().contains("X-Admin-Token"), refused.body()::toString);
        assertFalse(refused.body().toString().contains(TOKEN), refused.body()::toString);
    }

    @Test
    void aWrongTokenIsA401InTheSameWords() {
        StubHttp.Answer wrong = admin(exposed, "/health", "configured-admin-token-for-test");
        StubHttp.Answer longer = admin(exposed, "/health", TOKEN + "x");

        assertEquals(401, wrong.status());
        assertEquals(401, longer.status());
        assertEquals(admin(exposed, "/health", null).body(), wrong.body());
    }

    @Test
    void theRightTokenOpensEveryAdminCall() {
        assertEquals(200, admin(exposed, "/health", TOKEN).status());
        assertEquals(200, admin(exposed, "/faults", TOKEN).status());
        assertEquals(200, admin(exposed, "/rate-limits", TOKEN).status());
    }

    @Test
    void theStubsOwnAdminClientSendsTheToken() throws ApiException {
        assertEquals("UP", exposed.adminClient().getHealth().getStatus().getValue());
        assertEquals(401, AdminClients.assertRefused(401, () -> AdminClients.admin(exposed).getHealth()).getCode());
    }

    @Test
    void vendorEndpointsKeepTheirOwnAuth() {
        String customer = "http://127.0.0.1:" + exposed.port() + "/vayu" + DefaultData.VAYU_CUSTOMER;
        assertEquals(200, StubHttp.put(customer, "{\"name\":\"Acme\"}").status());
        StubHttp.Answer noBearer = StubHttp.send(HttpRequest.newBuilder(URI.create(customer))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString("{}")));
        assertEquals(401, noBearer.status());
        assertEquals("authentication_error", noBearer.body().path("type").asText(), noBearer.body()::toString);
    }

    @Test
    void theConsolePageLoadsWithoutTheTokenSoItCanAskForIt() throws Exception {
        var page = ConsoleFilesAcceptanceTest.get(URI.create("http://127.0.0.1:" + exposed.port() + "/__admin/"));
        assertEquals(200, page.statusCode());
        assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
    }

    @Test
    void onLoopbackTheAdminApiStaysOpen() {
        try (StubServer local = StubServer.builder().start()) {
            assertTrue(local.adminToken().isEmpty());
            assertEquals(200, admin(local, "/health", null).status());
        }
    }

    @Test
    void offLoopbackWithoutAConfiguredTokenTheStubMakesOne() {
        try (StubServer made = StubServer.builder().host("0.0.0.0").start();
                StubServer other = StubServer.builder().host("0.0.0.0").start()) {
            String token = made.adminToken().orElseThrow();
            assertTrue(made.adminTokenGenerated());
            assertTrue(token.length() >= 40, "32 random bytes, base64url");
            assertNotEquals(token, other.adminToken().orElseThrow());
            assertEquals(401, admin(made, "/health", null).status());
            assertEquals(200, admin(made, "/health", token).status());
        }
    }

    @Test
    void aConfiguredTokenIsNotGeneratedAndIsNeverInTheBuildersOrAccessesText() {
        assertFalse(exposed.adminTokenGenerated());
        assertFalse(new dev.contractkit.stub.admin.AdminAccess(TOKEN, false).toString().contains(TOKEN));
    }

    /** An admin GET through 127.0.0.1, which a stub bound to 0.0.0.0 answers too. */
    private static StubHttp.Answer admin(StubServer stub, String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + stub.port() + "/__admin" + path)).GET();
        if (token != null) {
            request.header("X-Admin-Token", token);
        }
        return StubHttp.send(request);
    }
}
