package dev.contractkit.stub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.contractkit.stub.junit.StubServerTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The console's files over plain HTTP: their types, and headers that keep the page to its own files. */
@StubServerTest
class ConsoleFilesAcceptanceTest {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static StubServer stub;

    @BeforeAll
    static void start(StubServer server) {
        stub = server;
    }

    @ParameterizedTest
    @CsvSource({
        "/__admin/, text/html; charset=utf-8",
        "/__admin/console/app.js, text/javascript; charset=utf-8",
        "/__admin/console/console.css, text/css; charset=utf-8",
        "/__admin/console/favicon.svg, image/svg+xml",
    })
    void servesEachFileWithItsTypeAndARestrictivePolicy(String path, String type) throws Exception {
        HttpResponse<String> file = get(stub.baseUri().resolve(path));

        assertEquals(200, file.statusCode());
        assertEquals(type, file.headers().firstValue("Content-Type").orElse(""));
        assertEquals("nosniff", file.headers().firstValue("X-Content-Type-Options").orElse(""));
        String policy = file.headers().firstValue("Content-Security-Policy").orElse("");
        assertTrue(policy.startsWith("default-src 'none'; script-src 'self';"), policy);
        assertFalse(policy.contains("unsafe-inline"), policy);
        assertFalse(file.body().isEmpty());
    }

    @Test
    void thePageHasNoInlineScriptAndLoadsNothingFromElsewhere() throws Exception {
        String page = get(stub.baseUri().resolve("/__admin/")).body();

        assertFalse(page.matches("(?s).*<script>.*"), "an inline script, which the policy would block");
        assertFalse(page.matches("(?s).*\\son[a-z]+=.*"), "an inline event handler, which the policy would block");
        assertFalse(page.matches("(?s).*(src|href)=\"(https?:)?//.*"), "a file from another origin: the stub runs offline");
    }

    @Test
    void theAdminPrefixWithoutItsSlashLeadsToTheConsole() throws Exception {
        HttpResponse<String> bare = get(stub.baseUri().resolve("/__admin"));

        assertEquals(308, bare.statusCode());
        assertEquals("/__admin/", bare.headers().firstValue("Location").orElse(""));
    }

    @Test
    void anUnknownConsoleFileIsTheAdminApis404() throws Exception {
        HttpResponse<String> missing = get(stub.baseUri().resolve("/__admin/console/../../etc/passwd"));
        HttpResponse<String> other = get(stub.baseUri().resolve("/__admin/console/secret.txt"));

        assertEquals(404, missing.statusCode());
        assertEquals(404, other.statusCode());
        assertTrue(other.body().startsWith("{\"message\""), other.body());
    }

    static HttpResponse<String> get(URI uri) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
