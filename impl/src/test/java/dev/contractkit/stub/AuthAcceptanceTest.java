package dev.contractkit.stub;

import dev.contractkit.stub.support.StubHttp;
import dev.contractkit.stub.support.UpdateCustomerCalls;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Default auth, over real HTTP: the Bearer scheme with any non-empty credentials passes, a vendor's pasted
 * placeholder too; anything else is a 401 that changes nothing.
 */
class AuthAcceptanceTest {

    /** Every character RFC 6750's b64token allows. */
    private static final String ANY_TOKEN = "Bearer any.Token-1_2~3+4/5==";

    private static StubServer server;
    private static UpdateCustomerCalls calls;

    @BeforeAll
    static void start() {
        server = StubServer.builder().port(0).start();
        calls = new UpdateCustomerCalls(server.baseUri());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @ParameterizedTest
    @MethodSource("dev.contractkit.stub.support.StubHttp#customerVendors")
    void aWellFormedBearerTokenPasses(Vendor vendor) {
        assertPasses(vendor, ANY_TOKEN);
    }

    @ParameterizedTest
    @MethodSource("dev.contractkit.stub.support.StubHttp#customerVendors")
    void theSchemeIsCaseInsensitive(Vendor vendor) {
        assertPasses(vendor, "bearer some-token");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("credentialsOutsideRfc6750")
    void credentialsOutsideRfc6750sTokenCharactersPass(Vendor vendor, String authorization) {
        assertPasses(vendor, authorization);
    }

    /** As users paste them from the vendors' pages. */
    static Stream<Arguments> credentialsOutsideRfc6750() {
        return StubHttp.customerVendors().stream().flatMap(vendor -> Stream.of(
                Arguments.of(vendor, "Bearer <access_token>"),
                Arguments.of(vendor, "Bearer YOUR API TOKEN")));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("refusedHeaders")
    void anythingElseIsA401ThatChangesNothing(Vendor vendor, String authorization) {
        calls.assertRefusedWithoutChange(vendor, authorization, ANY_TOKEN);
    }

    static Stream<Arguments> refusedHeaders() {
        return StubHttp.customerVendors().stream().flatMap(vendor -> Stream.of(
                Arguments.of(vendor, null),
                Arguments.of(vendor, "Basic dXNlcjpwYXNzd29yZA=="),
                Arguments.of(vendor, "Bearer"),
                Arguments.of(vendor, "Bearer<access_token>"),
                Arguments.of(vendor, "Token some-token")));
    }

    private static void assertPasses(Vendor vendor, String authorization) {
        HttpResponse<String> response = calls.put(vendor, authorization,
                vendor == Vendor.VAYU ? "{\"name\":\"X\"}" : "{\"notes\":\"x\"}");
        assertEquals(200, response.statusCode(), response::body);
    }
}
