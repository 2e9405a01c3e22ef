package dev.contractkit.stub.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.Set;

/** Vayu's tokens: HS256 JWTs signed with a shared secret, with an exp that must not have passed. */
public final class JwtAuthenticator implements Authenticator {

    private final MACVerifier verifier;
    private final DefaultJWTClaimsVerifier<?> claims = new DefaultJWTClaimsVerifier<>(null, Set.of("exp"));

    /** @param secret at least 32 bytes (256 bits), as HS256 requires */
    public JwtAuthenticator(String secret) {
        try {
            this.verifier = new MACVerifier(secret.getBytes(StandardCharsets.UTF_8));
            claims.setMaxClockSkew(0); // nimbus forgives 60 s by default: an expired token is expired
        } catch (JOSEException e) {
            throw new IllegalArgumentException("the Vayu JWT secret must be at least 32 bytes for HS256", e);
        }
    }

    @Override
    public void accept(String token) {
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm()) || !jwt.verify(verifier)) {
                throw Authenticator.unauthorized("Invalid token signature");
            }
            JWTClaimsSet set = jwt.getJWTClaimsSet();
            claims.verify(set, null);
        } catch (ParseException | JOSEException e) {
            throw Authenticator.unauthorized("Invalid token: not a signed JWT");
        } catch (BadJWTException e) {
            throw Authenticator.unauthorized("Invalid token: " + e.getMessage());
        }
    }
}
