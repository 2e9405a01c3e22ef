package dev.contractkit.stub.http;

import org.eclipse.jetty.io.EofException;

/** What a client that hung up before its answer was written looks like: Jetty's EofException, however wrapped. */
final class ClientGone {

    private ClientGone() {
    }

    static boolean causedByHangUp(Throwable thrown) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof EofException) {
                return true;
            }
        }
        return false;
    }
}
