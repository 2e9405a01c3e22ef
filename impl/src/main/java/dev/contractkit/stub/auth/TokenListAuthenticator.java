package dev.contractkit.stub.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/** Layer's tokens: accepted when on a configured list, compared in constant time. */
public final class TokenListAuthenticator implements Authenticator {

    private final List<byte[]> digests;

    public TokenListAuthenticator(List<String> tokens) {
        if (tokens.isEmpty()) {
            throw new IllegalArgumentException("strict auth for Layer needs at least one accepted token");
        }
        this.digests = tokens.stream().map(TokenListAuthenticator::sha256).toList();
    }

    @Override
    public void accept(String token) {
        // Digests have one length whatever the token, and every entry is compared: no timing tells which.
        byte[] candidate = sha256(token);
        boolean found = false;
        for (byte[] digest : digests) {
            found |= MessageDigest.isEqual(digest, candidate);
        }
        if (!found) {
            throw Authenticator.unauthorized("Invalid access token");
        }
    }

    private static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
