package dev.contractkit.stub.vayu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jwt.SignedJWT;
import dev.contractkit.stub.auth.JwtAuthenticator;
import dev.contractkit.stub.refusal.StubException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class VayuAccessTokensTest {

    private static final String SECRET = "a-secret-of-at-least-thirty-two-bytes!";

    @Test
    void aLoginAnswersAJwtValidOneHourThatStrictAuthAccepts() throws Exception {
        ObjectNode answer = JsonNodeFactory.instance.objectNode().put("accessToken", "synthesized");

        new VayuAccessTokens(SECRET.getBytes(StandardCharsets.UTF_8)).apply(answer);

        String token = answer.get("accessToken").asText();
        Duration valid = Duration.between(Instant.now(), SignedJWT.parse(token).getJWTClaimsSet().getExpirationTime().toInstant());
        assertTrue(valid.compareTo(Duration.ofMinutes(59)) > 0 && valid.compareTo(Duration.ofMinutes(61)) < 0, valid::toString);
        new JwtAuthenticator(SECRET).accept(token); // throws a 401 if not
        assertThrows(StubException.class, () -> new JwtAuthenticator(SECRET.replace('a', 'b')).accept(token));
    }

    @Test
    void anAnswerWithoutAnAccessTokenIsLeftAsItIs() {
        ObjectNode answer = JsonNodeFactory.instance.objectNode().put("customer", "x");

        new VayuAccessTokens(SECRET.getBytes(StandardCharsets.UTF_8)).apply(answer);

        assertEquals("{\"customer\":\"x\"}", answer.toString());
    }
}
