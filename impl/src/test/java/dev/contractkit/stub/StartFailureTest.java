package dev.contractkit.stub;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A start that fails says why, as it always did, and leaves no server behind on its port. */
class StartFailureTest {

    @Test
    void dataThatDoesNotFitItsSpecFailsTheStartAndFreesThePort(@TempDir Path dir) throws IOException {
        Path data = Files.writeString(dir.resolve("bad.json"),
                "{\"vayu\":{\"customers\":[{\"id\":\"5f1d7c2b9a3e4b5c6d7e8f90\",\"name\":7}]}}");
        int port = freePort();

        var refused = assertThrows(IllegalArgumentException.class,
                () -> StubServer.builder().port(port).data(data).start());

        assertTrue(refused.getMessage().contains("vayu data does not fit its spec"), refused.getMessage());
        try (StubServer again = StubServer.builder().port(port).start()) {
            assertTrue(again.port() == port);
        }
    }

    @Test
    void dataNamingAVendorWithNoSpecFailsTheStartNamingTheVendorsServed(@TempDir Path dir) throws IOException {
        Path data = Files.writeString(dir.resolve("typo.json"), "{\"vayuu\":{\"customers\":[]}}");

        var refused = assertThrows(IllegalArgumentException.class, () -> StubServer.builder().data(data).start());

        assertTrue(refused.getMessage().startsWith("the data names vendor 'vayuu', which the stub has no spec of; it serves ["),
                refused.getMessage());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
