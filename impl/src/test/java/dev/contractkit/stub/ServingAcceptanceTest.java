package dev.contractkit.stub;

import dev.contractkit.stub.support.DefaultData;
import dev.contractkit.stub.support.StubHttp;
import static dev.contractkit.stub.support.DefaultData.LAYER_CUSTOMER;
import static dev.contractkit.stub.support.DefaultData.VAYU_CUSTOMER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.contractkit.stub.support.StubHttp.Answer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import dev.contractkit.stub.junit.StubServerTest;

/** Where the stub listens and how it speaks HTTP. */
@StubServerTest
class ServingAcceptanceTest {

    @Test
    void bindsLoopbackOnAFreePortByDefault(StubServer stub) {
        assertTrue(stub.port() > 0);
        assertEquals("http://127.0.0.1:" + stub.port(), stub.baseUri().toString());
        assertEquals(stub.baseUri() + "/vayu", stub.url(Vendor.VAYU));
        assertEquals(stub.baseUri() + "/layer", stub.url(Vendor.LAYER));
    }

    /** The socket itself, not the URL the stub prints: a wildcard bind would print the same URL. */
    @Test
    void theListeningSocketIsBoundTo127001Only(StubServer stub) {
        InetSocketAddress bound = stub.boundAddress();
        assertEquals(stub.port(), bound.getPort());
        assertFalse(bound.getAddress().isAnyLocalAddress(), "bound to the wildcard address: " + bound);
        assertEquals("127.0.0.1", bound.getAddress().getHostAddress(), "bound to " + bound);
    }

    /**
     * Every other address of this machine refuses the connection. 127.0.0.2 is always tried: on Linux the whole
     * of 127/8 is loopback, so a wildcard bind answers there even on a machine with no network interface up.
     */
    @Test
    void isNotReachableOnOtherAddresses(StubServer stub) throws Exception {
        List<InetAddress> others = new ArrayList<>(List.of(InetAddress.getByName("127.0.0.2")));
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (nic.isUp()) {
                Collections.list(nic.getInetAddresses()).stream()
                        .filter(a -> !a.getHostAddress().equals("127.0.0.1") && !a.isLinkLocalAddress())
                        .forEach(others::add);
            }
        }
        for (InetAddress other : others) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(other, stub.port()), 1000);
                throw new AssertionError("stub answered on " + other);
            } catch (java.io.IOException refused) {
                // expected: bound to 127.0.0.1 only
            }
        }
    }

    @Test
    void servesBothVendorsAndAdminHealthOnOnePort(StubServer stub) {
        assertEquals(200, StubHttp.put(stub.url(Vendor.VAYU) + VAYU_CUSTOMER, "{}").status());
        assertEquals(200, StubHttp.put(stub.url(Vendor.LAYER) + LAYER_CUSTOMER, "{}").status());
        Answer health = StubHttp.send(HttpRequest.newBuilder(URI.create(stub.baseUri() + "/__admin/health")));
        assertEquals(200, health.status());
    }

    @Test
    void answersJsonWithContentLengthAndIsoDates(StubServer stub) {
        Answer answer = StubHttp.put(stub.url(Vendor.VAYU) + VAYU_CUSTOMER, "{\"name\":\"Acme\"}");
        assertEquals("application/json", answer.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(answer.headers().firstValueAsLong("Content-Length").orElseThrow() > 0);
        String updatedAt = answer.customer().get("updatedAt").asText();
        Instant.parse(updatedAt); // throws unless ISO-8601
    }

    @Test
    void answersAClientThatOffersAnHttp2UpgradeAtOnce(StubServer stub) {
        HttpClient defaults = HttpClient.newHttpClient(); // offers h2c over plain http
        long start = System.nanoTime();
        Answer answer = StubHttp.send(defaults, HttpRequest.newBuilder(URI.create(stub.url(Vendor.LAYER) + LAYER_CUSTOMER))
                .timeout(Duration.ofSeconds(5))
                .header("Authorization", "Bearer t").header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"notes\":\"hi\"}")));
        assertEquals(200, answer.status());
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toSeconds() < 5);
    }

    @Test
    void keepsTheConnectionAliveBetweenRequests(StubServer stub) throws Exception {
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        String request = "PUT /vayu" + VAYU_CUSTOMER + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer t\r\n"
                + "Content-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n{}";
        try (Socket socket = new Socket("127.0.0.1", stub.port())) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            for (int i = 0; i < 2; i++) {
                out.write(request.getBytes(StandardCharsets.UTF_8));
                out.flush();
                assertEquals("HTTP/1.1 200 OK", in.readLine(), "answer " + (i + 1) + " on the same connection");
                skipResponse(in);
            }
        }
    }

    @Test
    void answersUnknownTopLevelPathsWithJson404(StubServer stub) {
        Answer answer = StubHttp.put(stub.baseUri() + "/stripe/v1/customers", "{}");
        assertEquals(404, answer.status());
        assertTrue(answer.body().has("message"));
    }

    private static void skipResponse(BufferedReader in) throws java.io.IOException {
        int length = 0;
        for (String line = in.readLine(); !line.isEmpty(); line = in.readLine()) {
            if (line.toLowerCase().startsWith("content-length:")) {
                length = Integer.parseInt(line.substring(15).trim());
            }
        }
        in.skip(length);
    }
}
