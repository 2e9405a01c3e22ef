package dev.contractkit.stub;

import dev.contractkit.stub.support.UpdateCustomerCalls;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Strict auth, over real HTTP: Vayu wants an HS256 JWT with a live exp, Layer a token from its list. */
class StrictAuthAcceptanceTest {

    private static final String SECRET = "strict-auth-test-secret-32-bytes";
    private static final String OTHER_SECRET = "another-secret-of-32-bytes-or-so";
    private static final List<String> LAYER_TOKENS = List.of("layer-token-1", "layer-token-2");
    private static final Duration HOUR = Duration.ofHours(1);
    private static final String VALID_JWT = jwt(JWSAlgorithm.HS256, SECRET, HOUR);

    private static StubServer server;
    private static UpdateCustomerCalls calls;

    @BeforeAll
    static void start() {
        server = StubServer.builder().port(0).strictAuth(SECRET, LAYER_TOKENS).start();
        calls = new UpdateCustomerCalls(server.baseUri());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void vayuAcceptsAnHs256JwtSignedWithTheSecretThatHasNotExpired() {
        assertPasses(Vendor.VAYU, bearer(VALID_JWT));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedVayuTokens")
    void vayuRefusesAnyOtherToken(String token) {
        calls.assertRefusedWithoutChange(Vendor.VAYU, bearer(token), bearer(VALID_JWT));
    }

    static Stream<Named<String>> refusedVayuTokens() {
        String[] valid = VALID_JWT.split("\\.");
        String longerLived = jwt(JWSAlgorithm.HS256, OTHER_SECRET, Duration.ofDays(1)).split("\\.")[1];
        return Stream.of(
                Named.of("signed with another secret", jwt(JWSAlgorithm.HS256, OTHER_SECRET, HOUR)),
                Named.of("expired an hour ago", jwt(JWSAlgorithm.HS256, SECRET, HOUR.negated())),
                Named.of("without exp", jwt(JWSAlgorithm.HS256, SECRET, null)),
                Named.of("alg none", new PlainJWT(claims(HOUR)).serialize()),
                Named.of("HS512", jwt(JWSAlgorithm.HS512, SECRET + SECRET, HOUR)),
                Named.of("claims altered after signing", valid[0] + "." + longerLived + "." + valid[2]),
                Named.of("garbage in three parts", "abc.def.ghi"),
                Named.of("not a JWT", "not-a-jwt"),
                Named.of("a Layer token", LAYER_TOKENS.get(0)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"layer-token-1", "layer-token-2"})
    void layerAcceptsEveryListedToken(String token) {
        assertPasses(Vendor.LAYER, bearer(token));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedLayerTokens")
    void layerRefusesAnyOtherToken(String token) {
        calls.assertRefusedWithoutChange(Vendor.LAYER, bearer(token), bearer(LAYER_TOKENS.get(0)));
    }

    static Stream<Named<String>> refusedLayerTokens() {
        return Stream.of(
                Named.of("unlisted", "layer-token-3"),
                Named.of("a prefix of a listed one", "layer-token-"),
                Named.of("a listed one extended", "layer-token-10"),
                Named.of("a listed one in other case", "LAYER-TOKEN-1"),
                Named.of("a valid Vayu JWT", VALID_JWT),
                Named.of("a pasted placeholder, which --auth any lets through", "<access_token>"));
    }

    @Test
    void aSecretShorterThan32BytesFailsAtBuildTime() {
        String secret31 = SECRET.substring(1);
        assertThrows(IllegalArgumentException.class, () -> StubServer.builder().strictAuth(secret31, LAYER_TOKENS));
    }

    @Test
    void anEmptyLayerTokenListFailsAtBuildTime() {
        assertThrows(IllegalArgumentException.class, () -> StubServer.builder().strictAuth(SECRET, List.of()));
    }

    private static void assertPasses(Vendor vendor, String authorization) {
        HttpResponse<String> response = calls.put(vendor, authorization, UpdateCustomerCalls.change(vendor, "x"));
        assertEquals(200, response.statusCode(), response::body);
    }

    private static String bearer(String token) {
        return "Bearer " + token;
    }

    /** A JWT signed with alg and secret, expiring after expiresIn from now; none when expiresIn is null. */
    private static String jwt(JWSAlgorithm alg, String secret, Duration expiresIn) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(alg), claims(expiresIn));
            jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JWTClaimsSet claims(Duration expiresIn) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().subject("contract-kit-test");
        if (expiresIn != null) {
            claims.expirationTime(Date.from(Instant.now().plus(expiresIn)));
        }
        return claims.build();
    }
}
