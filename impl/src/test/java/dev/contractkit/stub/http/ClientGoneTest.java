package dev.contractkit.stub.http;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.contractkit.stub.StubServer;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.eclipse.jetty.io.EofException;
import org.junit.jupiter.api.Test;

/** A client hanging up is not logged as the stub's error; every other failure Jersey logs still is. */
class ClientGoneTest {

    @Test
    void jerseysRecordOfAClientThatHungUpIsDroppedOnceAStubClassIsLoaded() throws Exception {
        Class.forName(StubServer.class.getName()); // its static set-up installs the filter
        Logger responder = Logger.getLogger("org.glassfish.jersey.server.ServerRuntime$Responder");

        assertFalse(responder.getFilter().isLoggable(record(
                new RuntimeException(new IOException(new EofException("reset by peer"))))));
    }

    @Test
    void anyOtherFailureIsStillLogged() {
        assertTrue(new ClientGone().isLoggable(record(new RuntimeException(new IOException("disk full")))));
        assertTrue(new ClientGone().isLoggable(record(null)));
    }

    private static LogRecord record(Throwable thrown) {
        LogRecord record = new LogRecord(Level.SEVERE, "Error while closing the output stream in order to commit response.");
        record.setThrown(thrown);
        return record;
    }
}
