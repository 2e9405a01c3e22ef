package dev.contractkit.stub.admin;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Who may call the admin API and open the console. On loopback only this machine can reach them, so
 * they stay open unless a token is configured; off loopback anyone on the network could reset or read the
 * stub, so a token is always required: the configured one, else one made at start for the operator to
 * read once (as Jupyter does). Replicas share one by configuring it.
 *
 * @param token     null when admin access is open
 * @param generated whether the stub made the token itself, so it must be shown to the operator
 */
public record AdminAccess(String token, boolean generated) {

    /** The header an admin client sends the token in (specs/stub-admin.yaml, securitySchemes.adminToken). */
    public static final String HEADER = "X-Admin-Token";

    public static AdminAccess decide(String host, String configuredToken) {
        if (configuredToken != null && !configuredToken.isBlank()) {
            return new AdminAccess(configuredToken, false);
        }
        return loopback(host) ? new AdminAccess(null, false) : new AdminAccess(randomToken(), true);
    }

    public boolean open() {
        return token == null;
    }

    /** Never the token itself: a record's default toString would put it in any log line that prints this. */
    @Override
    public String toString() {
        return open() ? "AdminAccess[open]" : "AdminAccess[token required]";
    }

    private static boolean loopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException unknown) {
            return false; // the bind fails next anyway; never open by mistake
        }
    }

    private static String randomToken() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
