package dev.contractkit.stub.http;

import org.eclipse.jetty.io.EofException;

/**
 * What a client that is gone before its answer was written looks like, however wrapped: Jetty's EofException
 * (it hung up), or the TimeoutException of Jetty's idle timeout (it stayed silent past the read timeout, and
 * Jetty closed the connection).
 */
final class ClientGone {

    private ClientGone() {
    }

    static boolean causedByHangUp(Throwable thrown) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof EofException || cause instanceof java.util.concurrent.TimeoutException) {
                return true;
            }
        }
        return false;
    }
}
