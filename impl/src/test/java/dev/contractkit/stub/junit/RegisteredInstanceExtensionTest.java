package dev.contractkit.stub.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.contractkit.stub.StubServer;
import dev.contractkit.vayu.client.model.UpdateCustomerRequest;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.extension.RegisterExtension;

/** An instance extension: a server of its own for each test, stopped after it, with the options given. */
class RegisteredInstanceExtensionTest {

    private static final int TESTS = 3;
    private static final List<Integer> PORTS = new ArrayList<>();

    @RegisterExtension
    StubServerExtension stub = StubServerExtension.newInstance().data(Path.of("src/test/resources/two-of-each.json")).build();

    @AfterAll
    static void eachTestHadItsOwnServerAndEachIsStopped() {
        assertEquals(TESTS, Set.copyOf(PORTS).size(), "ports " + PORTS);
        for (int port : PORTS) {
            assertThrows(ConnectException.class, () -> new Socket("127.0.0.1", port).close(), "still open: " + port);
        }
    }

    @BeforeEach
    void theParameterIsTheFieldsServer(StubServer server) {
        assertSame(stub.server(), server);
    }

    @RepeatedTest(TESTS)
    void aServerOfItsOwnWithTheDataGiven(StubServer server) throws Exception {
        PORTS.add(server.port());

        var globex = server.vayuClient().updateCustomer("6a2e8d3c0b4f5c6d7e8f9a01", new UpdateCustomerRequest().legalName("Globex Corp"));

        assertEquals("Globex", globex.getCustomer().getName());
    }
}
