package dev.contractkit.stub.http;

import java.util.logging.Filter;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.eclipse.jetty.io.EofException;

/**
 * Keeps Jersey from logging a stack trace at SEVERE each time a client hangs up before its answer is
 * written ("Error while closing the output stream in order to commit response", caused by Jetty's
 * EofException): a test that closes a stub or a connection early is not an error of the stub's, and a
 * user's build log should not show one. Any other failure is still logged as Jersey logs it.
 */
public final class ClientGone implements Filter {

    /** Held here: java.util.logging keeps its loggers only weakly, and would drop the filter with it. */
    private static final Logger JERSEY_RESPONDER = Logger.getLogger("org.glassfish.jersey.server.ServerRuntime$Responder");

    ClientGone() {
    }

    /** Installs the filter on Jersey's responder logger, unless one is set there already (a user's). */
    public static void quietJersey() {
        synchronized (JERSEY_RESPONDER) {
            if (JERSEY_RESPONDER.getFilter() == null) {
                JERSEY_RESPONDER.setFilter(new ClientGone());
            }
        }
    }

    @Override
    public boolean isLoggable(LogRecord record) {
        return !causedByHangUp(record.getThrown());
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
