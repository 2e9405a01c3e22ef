package dev.contractkit.stub.admin;

import dev.contractkit.stub.wire.Exchange;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Refuses admin calls without the stub's admin token: a 401 in the admin API's error format, the same
 * words for a missing token and a wrong one, so the answer says nothing about the token.
 */
public final class AdminTokenCheck {

    static final String REFUSAL = "{\"message\":\"This stub is bound off loopback: admin calls need its admin token"
            + " in the " + AdminAccess.HEADER + " header (--admin-token, $CONTRACT_KIT_ADMIN_TOKEN, or the one"
            + " printed at start)\"}";

    /** Digests, so the comparison takes as long whatever the length of what was sent. */
    private final byte[] expected;

    public AdminTokenCheck(String token) {
        this.expected = sha256(token);
    }

    /** Whether the call was refused (401): no token, or another one. */
    public boolean refused(Exchange exchange) {
        String given = exchange.header(AdminAccess.HEADER);
        if (given != null && MessageDigest.isEqual(expected, sha256(given))) {
            return false;
        }
        exchange.answerJson(401, REFUSAL);
        return true;
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException everyJdkHasIt) {
            throw new IllegalStateException(everyJdkHasIt);
        }
    }
}
