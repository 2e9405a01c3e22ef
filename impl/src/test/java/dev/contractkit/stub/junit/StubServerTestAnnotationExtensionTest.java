package dev.contractkit.stub.junit;

import dev.contractkit.stub.support.DefaultData;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.contractkit.stub.StubServer;
import dev.contractkit.stub.Vendor;
import dev.contractkit.vayu.client.ApiException;
import dev.contractkit.vayu.client.model.UpdateCustomerRequest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** @StubServerTest: one server for the class, given to parameters, reset before each test. */
@StubServerTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StubServerTestAnnotationExtensionTest {

    private static final String ACME = DefaultData.VAYU_CUSTOMER_ID;
    private static StubServer startedForClass;

    @BeforeAll
    static void serverForTheClass(StubServer server) {
        startedForClass = server;
    }

    @BeforeEach
    void sameServerBeforeEachTest(StubServer server) {
        assertSame(startedForClass, server);
    }

    @Test
    @Order(1)
    void aTestChangesACustomerThroughTheClient(StubServer server) throws ApiException {
        var answer = server.vayuClient().updateCustomer(ACME, new UpdateCustomerRequest().name("X"));

        assertEquals("X", answer.getCustomer().getName());
    }

    @Test
    @Order(2)
    void theNextTestSeesTheLoadedDataAndAnEmptyJournal(StubServer server) throws ApiException {
        assertTrue(server.received(Vendor.VAYU, "updateCustomer", UpdateCustomerRequest.class).isEmpty(),
                "journal left over from the previous test");

        var answer = server.vayuClient().updateCustomer(ACME, new UpdateCustomerRequest().legalName("Acme Legal"));

        assertEquals("Acme Analytics", answer.getCustomer().getName());
    }
}
