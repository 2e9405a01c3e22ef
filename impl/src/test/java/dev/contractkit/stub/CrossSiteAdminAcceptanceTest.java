package dev.contractkit.stub;

import dev.contractkit.stub.support.RawHttp;
import dev.contractkit.stub.support.StubHttp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Another site's page cannot drive an open (loopback) stub's admin API: not by posting to it (Origin), not by
 * a host name of its own that resolves to 127.0.0.1 (DNS rebinding). Raw requests, so the test sets both
 * headers as a browser would; each refused reset is checked to have changed nothing.
 */
class CrossSiteAdminAcceptanceTest {

    private static final String CUSTOMER = "/vayu/customers/5f1d7c2b9a3e4b5c6d7e8f90";
    private StubServer stub;

    @BeforeEach
    void start() {
        stub = StubServer.builder().start();
    }

    @AfterEach
    void stop() {
        stub.close();
    }

    @Test
    void aResetPostedFromAnotherSitesPageIsRefusedAndChangesNothing() throws IOException {
        String customer = stub.baseUri() + CUSTOMER;
        assertEquals(200, StubHttp.put(customer, "{\"name\":\"Changed by the test\"}").status());

        RawHttp.Reply refused = reset("127.0.0.1:" + stub.port(), "http://attacker.example");

        assertEquals(403, refused.status());
        assertTrue(message(refused).contains("'http://attacker.example'"), message(refused));
        assertEquals("Changed by the test", StubHttp.current(customer).path("name").asText(), "the reset went through");
    }

    @Test
    void aHostNameOtherThanLoopbacksIsRefusedByAnOpenStub() throws IOException {
        RawHttp.Reply rebound = get("/__admin/health", "rebound.attacker.example:" + stub.port());

        assertEquals(403, rebound.status());
        assertTrue(message(rebound).contains("loopback names only"), message(rebound));
    }

    @Test
    void theStubsOwnPagesAndToolsWithoutAnOriginAreServed() throws IOException {
        assertEquals(204, reset("127.0.0.1:" + stub.port(), "http://127.0.0.1:" + stub.port()).status());
        assertEquals(204, reset("localhost:" + stub.port(), null).status());
        assertEquals(200, get("/__admin/health", "[::1]:" + stub.port()).status());
    }

    @Test
    void vendorCallsAreNotJudgedByOrigin() throws IOException {
        RawHttp.Reply vendor = RawHttp.exchange(stub.port(), ("PUT " + CUSTOMER + " HTTP/1.1\r\nHost: elsewhere.example\r\n"
                + "Origin: http://attacker.example\r\nAuthorization: Bearer t\r\nContent-Type: application/json\r\n"
                + "Content-Length: 2\r\nConnection: close\r\n\r\n{}")
                .getBytes(StandardCharsets.US_ASCII), false, Duration.ofSeconds(5));

        assertEquals(200, vendor.status());
    }

    private RawHttp.Reply reset(String host, String origin) throws IOException {
        // As fetch(url, {method: "POST", mode: "no-cors"}) sends it: no body, no Content-Type, no preflight.
        return RawHttp.exchange(stub.port(), ("POST /__admin/reset HTTP/1.1\r\nHost: " + host + "\r\n"
                + (origin == null ? "" : "Origin: " + origin + "\r\n")
                + "Content-Length: 0\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII), false, Duration.ofSeconds(5));
    }

    private RawHttp.Reply get(String path, String host) throws IOException {
        return RawHttp.exchange(stub.port(), ("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nAuthorization: Bearer t\r\n"
                + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII), false, Duration.ofSeconds(5));
    }

    private static String message(RawHttp.Reply reply) throws IOException {
        return new ObjectMapper().readTree(reply.body()).path("message").asText();
    }
}
