package dev.contractkit.stub.vayu;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.contractkit.stub.engine.Engine;
import java.time.Instant;
import java.util.Date;

/**
 * What Vayu's data cannot say: the accessToken its login answers is a JWT valid one hour (its SDKs read
 * {@code exp} from it and log in again five minutes before). Signed HS256 with the secret the stub verifies
 * Vayu tokens with under {@code --auth strict}, so a token from the stub's login is accepted by the stub.
 */
public final class VayuAccessTokens implements Engine.AnswerRule {

    private static final long VALID_SECONDS = 3600;

    private final MACSigner signer;

    public VayuAccessTokens(byte[] secret) {
        try {
            this.signer = new MACSigner(secret);
        } catch (JOSEException e) {
            throw new IllegalArgumentException("the Vayu JWT secret must be at least 32 bytes for HS256", e);
        }
    }

    @Override
    public JsonNode apply(JsonNode answer) {
        if (answer instanceof ObjectNode object && object.path("accessToken").isTextual()) {
            object.put("accessToken", token());
        }
        return answer;
    }

    private String token() {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder().subject("contract-kit-stub").issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(VALID_SECONDS))).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a Vayu access token", e);
        }
        return jwt.serialize();
    }
}
