package dev.contractkit.stub.pipeline;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.contractkit.stub.auth.Authenticator;
import dev.contractkit.stub.refusal.ErrorKind;
import dev.contractkit.stub.refusal.StubException;
import dev.contractkit.stub.spec.OpenApiSpec;
import dev.contractkit.stub.spec.Operation;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.UriInfo;
import java.lang.reflect.Proxy;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A vendor's security schemes, whatever kind, asked for as its spec says (schemes.yaml beside this class). */
class CredentialCheckTest {

    private final OpenApiSpec spec = spec();

    @Test
    void eachKindOfSchemeIsAskedForWhereItsSpecPutsIt() {
        assertRefused("bearerOnly", Map.of(), Map.of(), Map.of(), "Missing Authorization header");
        assertPasses("bearerOnly", Map.of("Authorization", "Bearer t"), Map.of(), Map.of());
        assertRefused("headerKey", Map.of("Authorization", "Bearer t"), Map.of(), Map.of(), "Missing API key: the X-Api-Key header");
        assertPasses("headerKey", Map.of("X-Api-Key", "k"), Map.of(), Map.of());
        assertRefused("queryKey", Map.of("X-Api-Key", "k"), Map.of(), Map.of(), "Missing API key: the api_key query parameter");
        assertPasses("queryKey", Map.of(), Map.of("api_key", "k"), Map.of());
        assertRefused("cookieKey", Map.of(), Map.of(), Map.of(), "Missing API key: the session cookie");
        assertPasses("cookieKey", Map.of(), Map.of(), Map.of("session", "s"));
        assertRefused("basicOnly", Map.of("Authorization", "Bearer t"), Map.of(), Map.of(),
                "Malformed Authorization header: expected 'Basic <credentials>'");
        assertPasses("basicOnly", Map.of("Authorization", "Basic dTpw"), Map.of(), Map.of());
    }

    @Test
    void anyAlternativeWillDoButEachNeedsAllItsCredentials() {
        assertPasses("keyOrBearer", Map.of("X-Api-Key", "k"), Map.of(), Map.of());
        assertPasses("keyOrBearer", Map.of("Authorization", "Bearer t"), Map.of(), Map.of());
        assertRefused("keyOrBearer", Map.of(), Map.of(), Map.of(), "Missing API key: the X-Api-Key header");
        assertRefused("keyAndBasic", Map.of("X-Api-Key", "k"), Map.of(), Map.of(), "Missing Authorization header");
        assertPasses("keyAndBasic", Map.of("X-Api-Key", "k", "Authorization", "Basic dTpw"), Map.of(), Map.of());
    }

    @Test
    void anEmptyAlternativeOrListAsksForNone() {
        assertFalse(operation("optional").secured());
        assertFalse(operation("open").secured());
    }

    private void assertPasses(String operationId, Map<String, String> headers, Map<String, String> query,
            Map<String, String> cookies) {
        assertDoesNotThrow(() -> CredentialCheck.check(operation(operationId), request(headers, query, cookies),
                Authenticator.ANY_BEARER_TOKEN));
    }

    private void assertRefused(String operationId, Map<String, String> headers, Map<String, String> query,
            Map<String, String> cookies, String message) {
        StubException refused = assertThrows(StubException.class, () -> CredentialCheck.check(operation(operationId),
                request(headers, query, cookies), Authenticator.ANY_BEARER_TOKEN));
        assertEquals(ErrorKind.UNAUTHORIZED, refused.kind());
        assertEquals(message, refused.getMessage());
    }

    private Operation operation(String id) {
        return spec.operations().stream().filter(o -> o.id().equals(id)).findFirst().orElseThrow();
    }

    /** Only what the check reads: headers (by name, any case), query parameters and cookies. */
    private static ContainerRequestContext request(Map<String, String> headers, Map<String, String> query,
            Map<String, String> cookies) {
        MultivaluedHashMap<String, String> parameters = new MultivaluedHashMap<>();
        query.forEach(parameters::add);
        UriInfo uri = (UriInfo) Proxy.newProxyInstance(UriInfo.class.getClassLoader(), new Class<?>[] {UriInfo.class},
                (proxy, method, args) -> method.getName().equals("getQueryParameters") ? parameters : null);
        return (ContainerRequestContext) Proxy.newProxyInstance(ContainerRequestContext.class.getClassLoader(),
                new Class<?>[] {ContainerRequestContext.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getHeaderString" -> headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase((String) args[0]))
                            .map(Map.Entry::getValue).findFirst().orElse(null);
                    case "getUriInfo" -> uri;
                    case "getCookies" -> {
                        Map<String, Cookie> sent = new java.util.HashMap<>();
                        cookies.forEach((name, value) -> sent.put(name, new Cookie.Builder(name).value(value).build()));
                        yield sent;
                    }
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static OpenApiSpec spec() {
        try {
            return OpenApiSpec.load(Path.of(CredentialCheckTest.class.getResource("schemes.yaml").toURI()).getParent(), "schemes");
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
