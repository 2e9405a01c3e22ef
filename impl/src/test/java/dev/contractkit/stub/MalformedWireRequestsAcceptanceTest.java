package dev.contractkit.stub;

import dev.contractkit.stub.support.DefaultData;
import dev.contractkit.stub.support.RawHttp;
import dev.contractkit.stub.support.StubHttp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The malformed-request catalogue, continued below any HTTP client: raw bytes a client library would never
 * send (a request line that is not HTTP, broken framing, broken escapes, oversized heads). Each must be
 * answered within a bounded time by a 4xx in the format of the API its path names (a neutral JSON body when
 * it names none) — never an HTML page, never a Java class name — and the next connection must be served.
 */
class MalformedWireRequestsAcceptanceTest {

    private static final String VAYU = "/vayu/customers/5f1d7c2b9a3e4b5c6d7e8f90";
    private static final String LAYER = "/layer/v1/businesses/3f1c2a5e-8b7d-4c6e-9a10-b2c3d4e5f607/customers/"
            + DefaultData.LAYER_CUSTOMER_ID;
    private static final String AUTH = "Authorization: Bearer raw-token\r\nContent-Type: application/json\r\n";
    /** The server waits this long for a head or the rest of a body; the test waits a few seconds more. */
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(1);
    private static final Duration WAIT = Duration.ofSeconds(6);
    /** A Java class or exception name, or the JDK server's HTML page: what no answer may show. */
    private static final Pattern LEAK = Pattern.compile(
            "(java|javax|jakarta|sun|com\\.sun|org\\.glassfish)\\.[a-z]|[A-Z]\\w*(Exception|Error)\\b|<h1>|<html");

    private static StubServer stub;

    /** Whose words the answer must be in. */
    enum Api { VAYU, LAYER, ADMIN, NEUTRAL }

    /** Raw bytes, whether the client half-closes after them, and the answer expected. */
    record Case(String name, byte[] bytes, boolean halfClose, int status, Api api, String param) {
        @Override
        public String toString() {
            return name;
        }
    }

    @BeforeAll
    static void start() {
        stub = StubServer.builder().readTimeout(READ_TIMEOUT).start();
    }

    @AfterAll
    static void stop() {
        if (stub != null) {
            stub.close();
        }
    }

    static Stream<Case> catalogue() {
        List<Case> cases = new ArrayList<>();
        // The four requests of issue 16, as they were sent.
        cases.add(refused("broken percent-escapes in the query", "PUT " + VAYU + "?%zz=1&a=% HTTP/1.1\r\nHost: x\r\n"
                + AUTH + "Content-Length: 2\r\n\r\n{}", 400, Api.VAYU));
        cases.add(refused("Content-Length: abc", put(VAYU, "Content-Length: abc\r\n", "{}"), 400, Api.VAYU));
        cases.add(refused("a request line that is not HTTP", "HELLO\r\n\r\n", 400, Api.NEUTRAL));
        cases.add(new Case("an encoded slash after a valid id -> 400 customerId",
                ascii(put(VAYU + "%2F", "Content-Length: 2\r\n", "{}")), false, 400, Api.VAYU, "customerId"));

        // Request lines.
        cases.add(refused("HTTP/2 preface on a cleartext HTTP/1.1 port", "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n", 400,
                Api.NEUTRAL));
        cases.add(refused("a request line of four words", "PUT " + VAYU + " x HTTP/1.1\r\n\r\n", 400, Api.VAYU));
        cases.add(refused("a version that is not HTTP", "PUT " + LAYER + " FTP/1.0\r\n\r\n", 400, Api.LAYER));
        cases.add(refused("HTTP/2.0 in an HTTP/1 request line", "PUT " + VAYU + " HTTP/2.0\r\nHost: x\r\n\r\n", 400,
                Api.VAYU));
        // With its Host field: without one, an HTTP/1.1 request is refused for that first (the case below).
        cases.add(refused("a request line over 8 KB", "GET " + VAYU + "?q=" + "a".repeat(9000)
                + " HTTP/1.1\r\nHost: x\r\n\r\n", 414, Api.VAYU));
        cases.add(refused("an HTTP/1.1 request without a Host field", "GET " + VAYU + " HTTP/1.1\r\n\r\n", 400,
                Api.VAYU));
        cases.add(refused("a raw non-ASCII byte in the path", rawBytes("PUT " + LAYER + "\u00e9 HTTP/1.1\r\n\r\n"),
                400, Api.LAYER));
        cases.add(refused("a broken escape in the path", put("/vayu/customers/%zz", "Content-Length: 2\r\n", "{}"),
                400, Api.VAYU));
        cases.add(refused("a broken escape in a Layer id", put(LAYER + "%G1", "Content-Length: 2\r\n", "{}"), 400,
                Api.LAYER));
        cases.add(refused("a broken escape under the admin API", "GET /__admin/health?x=%\r\n HTTP/1.1\r\n\r\n", 400,
                Api.ADMIN));
        cases.add(refused("a broken escape under the admin API (well-formed line)",
                "GET /__admin/health?x=% HTTP/1.1\r\nHost: x\r\n\r\n", 400, Api.ADMIN));
        cases.add(new Case("an encoded '?' inside a Layer id -> 400 customer_id",
                ascii(put(LAYER + "%3F", "Content-Length: 2\r\n", "{}")), false, 400, Api.LAYER, "customer_id"));
        cases.add(new Case("an encoded '#' inside a Vayu id -> 400 customerId",
                ascii(put(VAYU.replace("8f90", "8f%23"), "Content-Length: 2\r\n", "{}")), false, 400, Api.VAYU,
                "customerId"));

        // Header fields.
        cases.add(refused("a header line over the limit", put(VAYU, "X-Big: " + "b".repeat(70_000)
                + "\r\nContent-Length: 2\r\n", "{}"), 431, Api.VAYU));
        cases.add(refused("150 header fields", put(LAYER, "X-Many: 1\r\n".repeat(150) + "Content-Length: 2\r\n", "{}"),
                431, Api.LAYER));
        cases.add(refused("a header line without a colon", put(VAYU, "NoColonHere\r\nContent-Length: 2\r\n", "{}"),
                400, Api.VAYU));
        cases.add(refused("a folded header line", put(VAYU, "X-A: 1\r\n  folded\r\nContent-Length: 2\r\n", "{}"), 400,
                Api.VAYU));
        cases.add(refused("a NUL in a header value", put(LAYER, "X-A: a\u0000b\r\nContent-Length: 2\r\n", "{}"), 400,
                Api.LAYER));

        // Body framing.
        cases.add(refused("Content-Length: -1", put(VAYU, "Content-Length: -1\r\n", "{}"), 400, Api.VAYU));
        cases.add(refused("Content-Length of 20 digits", put(VAYU, "Content-Length: 99999999999999999999\r\n", "{}"),
                400, Api.VAYU));
        cases.add(refused("conflicting Content-Length headers",
                put(LAYER, "Content-Length: 2\r\nContent-Length: 5\r\n", "{}"), 400, Api.LAYER));
        cases.add(refused("conflicting Content-Length list", put(VAYU, "Content-Length: 2, 3\r\n", "{}"), 400,
                Api.VAYU));
        cases.add(refused("Transfer-Encoding and Content-Length together",
                put(VAYU, "Transfer-Encoding: chunked\r\nContent-Length: 2\r\n", "2\r\n{}\r\n0\r\n\r\n"), 400, Api.VAYU));
        cases.add(refused("Transfer-Encoding: gzip", put(LAYER, "Transfer-Encoding: gzip\r\n", "{}"), 400, Api.LAYER));
        cases.add(refused("a chunk size that is not hex",
                put(VAYU, "Transfer-Encoding: chunked\r\n", "zz\r\n{}\r\n0\r\n\r\n"), 400, Api.VAYU));
        cases.add(refused("a chunk longer than its size",
                put(LAYER, "Transfer-Encoding: chunked\r\n", "1\r\n{}\r\n0\r\n\r\n"), 400, Api.LAYER));
        cases.add(refused("a body shorter than its Content-Length, then silence",
                put(VAYU, "Content-Length: 10\r\n", "{}"), 400, Api.VAYU));
        cases.add(new Case("a body shorter than its Content-Length, then the client half-closes -> 400",
                ascii(put(LAYER, "Content-Length: 10\r\n", "{}")), true, 400, Api.LAYER, null));
        cases.add(new Case("a head cut off, then silence -> closed", ascii("PUT " + VAYU + " HTTP/1.1\r\nHost:"),
                false, -1, null, null));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("catalogue")
    void answersInTheApisFormatOrClosesThenServesTheNext(Case c) throws Exception {
        RawHttp.Reply reply = RawHttp.exchange(stub.port(), c.bytes(), c.halfClose(), WAIT);

        if (c.status() == -1) {
            assertTrue(reply.closedWithoutAnswer(), () -> "expected the connection closed, got " + describe(reply));
        } else {
            assertEquals(c.status(), reply.status(), () -> "status: " + describe(reply));
            assertEquals("application/json", reply.header("Content-Type").split(";")[0].trim().toLowerCase(),
                    () -> "Content-Type: " + describe(reply));
            assertFalse(LEAK.matcher(reply.text()).find(), () -> "names a Java class: " + describe(reply));
            assertShape(c, StubHttp.JSON.readTree(reply.body()));
        }
        assertTrue(reply.took().compareTo(WAIT.minusSeconds(1)) < 0, () -> "took " + reply.took());
        assertNextConnectionServed();
    }

    @Test
    void servesTwoPipelinedRequestsOnOneConnection() throws Exception {
        byte[] two = ascii(put(VAYU, "Content-Length: 2\r\n", "{}") + put(VAYU, "Content-Length: 2\r\n"
                + "Connection: close\r\n", "{}"));
        try (var socket = new java.net.Socket("127.0.0.1", stub.port())) {
            socket.setSoTimeout((int) WAIT.toMillis());
            socket.getOutputStream().write(two);
            String answers = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            assertEquals(2, answers.split("HTTP/1.1 200 ", -1).length - 1, answers);
        }
    }

    @Test
    void servesAValidChunkedRequestSentRaw() throws Exception {
        RawHttp.Reply reply = RawHttp.exchange(stub.port(), ascii(put(LAYER, "Transfer-Encoding: chunked\r\n",
                chunk("{\"not") + chunk("es\":\"chunky\"}") + "0\r\n\r\n")), false, WAIT);

        assertEquals(200, reply.status(), () -> describe(reply));
        assertEquals("chunky", StubHttp.JSON.readTree(reply.body()).at("/data/notes").asText());
    }

    @Test
    void answersADelayFaultLongerThanTheReadTimeout() throws Exception {
        // The read timeout is for a silent client; a slow answer is the stub's own doing and must still go out.
        stub.armFault(new dev.contractkit.admin.server.model.Fault()
                .vendor("vayu")
                .kind(dev.contractkit.admin.server.model.Fault.KindEnum.DELAY)
                .delayMs((int) READ_TIMEOUT.multipliedBy(2).toMillis()).times(1));

        RawHttp.Reply reply = RawHttp.exchange(stub.port(), ascii(put(VAYU, "Content-Length: 2\r\n", "{}")), false, WAIT);

        assertEquals(200, reply.status(), () -> describe(reply));
        assertTrue(reply.header("X-Stub-Fault").contains("delay"), () -> describe(reply));
    }

    private static void assertShape(Case c, JsonNode body) {
        switch (c.api()) {
            case VAYU -> {
                assertEquals("invalid_request_error", body.path("type").asText(), body::toString);
                assertTrue(body.path("code").isTextual() && body.path("message").isTextual(), body::toString);
                if (c.param() != null) {
                    assertEquals(c.param(), body.path("param").asText(), body::toString);
                }
            }
            case LAYER -> {
                JsonNode error = body.path("errors").path(0);
                assertEquals("BadRequest", error.path("type").asText(), body::toString);
                assertEquals("SpecifiedBadRequest", error.path("error_enum").asText(), body::toString);
                assertTrue(error.path("description").isTextual(), body::toString);
                if (c.param() != null) {
                    assertEquals(c.param(), error.at("/meta/field").asText(), body::toString);
                }
            }
            case ADMIN, NEUTRAL -> {
                assertTrue(body.path("message").isTextual(), body::toString);
                assertEquals(1, body.size(), () -> "only a message: " + body);
            }
        }
    }

    private static void assertNextConnectionServed() throws Exception {
        RawHttp.Reply next = RawHttp.exchange(stub.port(), ascii(put(VAYU, "Content-Length: 2\r\n", "{}")), false, WAIT);
        assertEquals(200, next.status(), () -> "the next connection: " + describe(next));
    }

    private static Case refused(String name, String request, int status, Api api) {
        return refused(name, ascii(request), status, api);
    }

    private static Case refused(String name, byte[] request, int status, Api api) {
        return new Case(name + " -> " + status, request, false, status, api, null);
    }

    /** A PUT with the auth and content-type headers, these extra header lines and this body. */
    private static String put(String path, String headerLines, String body) {
        return "PUT " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + AUTH + headerLines + "\r\n" + body;
    }

    private static String chunk(String data) {
        return Integer.toHexString(data.length()) + "\r\n" + data + "\r\n";
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** The text's chars as single bytes, so U+00E9 goes out as the raw byte 0xE9. */
    private static byte[] rawBytes(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        text.chars().forEach(out::write);
        return out.toByteArray();
    }

    private static String describe(RawHttp.Reply reply) {
        String text = reply.text();
        return (reply.status() == -1 ? (reply.closedWithoutAnswer() ? "closed" : "no answer in time") : reply.status()
                + " " + reply.headers() + " " + (text.length() > 300 ? text.substring(0, 300) + "..." : text))
                + " after " + reply.took().toMillis() + " ms";
    }
}
