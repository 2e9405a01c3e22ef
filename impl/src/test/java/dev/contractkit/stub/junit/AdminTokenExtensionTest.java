package dev.contractkit.stub.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.contractkit.stub.StubServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The extension's admin token, as the CLI's --admin-token: the admin API refuses a call without it, even on loopback. */
class AdminTokenExtensionTest {

    private static final String TOKEN = "junit-admin-token-for-tests";
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @RegisterExtension
    static StubServerExtension stub = StubServerExtension.newInstance().adminToken(TOKEN).build();

    @Test
    void theAdminApiRefusesACallWithoutTheToken(StubServer server) throws Exception {
        HttpResponse<String> refused = health(server, null);

        assertEquals(401, refused.statusCode(), refused::body);
        assertFalse(refused.body().contains(TOKEN), refused::body);
        assertEquals(401, health(server, TOKEN + "x").statusCode());
    }

    @Test
    void theAdminApiAcceptsTheToken(StubServer server) throws Exception {
        assertEquals(200, health(server, TOKEN).statusCode());
        assertEquals("UP", server.adminClient().getHealth().getStatus().getValue(), "the stub's own admin client sends it");
    }

    @Test
    void theOptionsNeverPrintTheToken() {
        assertFalse(stub.toString().contains(TOKEN), stub::toString);
    }

    private static HttpResponse<String> health(StubServer server, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.baseUri() + "/__admin/health"))
                .timeout(Duration.ofSeconds(10));
        if (token != null) {
            request.header("X-Admin-Token", token);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
