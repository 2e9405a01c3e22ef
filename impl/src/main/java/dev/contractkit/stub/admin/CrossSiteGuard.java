package dev.contractkit.stub.admin;

import dev.contractkit.stub.wire.Exchange;
import java.util.Locale;
import java.util.Set;

/**
 * Keeps other sites' pages away from the admin API and console, which on loopback need no token: any page a
 * developer has open could otherwise post {@code /__admin/reset} to 127.0.0.1 (the browser sends such a form
 * without asking), or reach the stub under a name of its own that resolves to 127.0.0.1 (DNS rebinding) and
 * read it. So a call that names an {@code Origin} other than the stub's own is refused, and, when the admin
 * API is open, so is one addressed to any host but a loopback one. Tools that send no Origin (curl, the
 * clients) are not affected.
 */
public final class CrossSiteGuard {

    private static final Set<String> LOOPBACK_NAMES = Set.of("localhost", "127.0.0.1", "[::1]");

    private final boolean hostMustBeLoopback;

    /** @param adminOpen whether admin calls need no token (bound to loopback, none configured) */
    public CrossSiteGuard(boolean adminOpen) {
        this.hostMustBeLoopback = adminOpen;
    }

    /** Whether the call was refused (403). */
    public boolean refused(Exchange exchange) {
        String host = exchange.header("Host");
        String origin = exchange.header("Origin");
        if (origin != null && (host == null || !origin.equalsIgnoreCase("http://" + host))) {
            refuse(exchange, "Admin calls from another site's page are refused: its Origin " + quoted(origin)
                    + " is not this stub's");
            return true;
        } else if (hostMustBeLoopback && (host == null || !LOOPBACK_NAMES.contains(hostName(host)))) {
            refuse(exchange, "This stub's admin API answers on loopback names only (localhost, 127.0.0.1, [::1]),"
                    + " not " + quoted(host == null ? "" : host));
            return true;
        }
        return false;
    }

    /** The host without its port: "127.0.0.1:8080" is 127.0.0.1, "[::1]:8080" is [::1]. */
    private static String hostName(String host) {
        String lower = host.toLowerCase(Locale.ROOT);
        int colon = lower.lastIndexOf(':');
        return colon > lower.lastIndexOf(']') ? lower.substring(0, colon) : lower;
    }

    /** At most 100 characters of what was sent, as a JSON string's content. */
    private static String quoted(String sent) {
        String shown = sent.length() > 100 ? sent.substring(0, 100) + "…" : sent;
        StringBuilder json = new StringBuilder("'");
        for (char c : shown.toCharArray()) {
            json.append(c == '"' || c == '\\' || c < 0x20 ? '?' : c);
        }
        return json.append('\'').toString();
    }

    private static void refuse(Exchange exchange, String message) {
        exchange.answerJson(403, "{\"message\":\"" + message + "\"}");
    }
}
