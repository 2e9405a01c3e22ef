package dev.contractkit.stub.junit;

import dev.contractkit.stub.support.DefaultData;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.contractkit.layer.client.ApiException;
import dev.contractkit.layer.client.model.UpdateCustomerRequest;
import dev.contractkit.stub.StubServer;
import dev.contractkit.stub.Vendor;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A static extension: one server for the class, with the options given, reset before each test. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RegisteredStaticExtensionTest {

    private static final UUID BUSINESS = UUID.fromString(DefaultData.LAYER_BUSINESS_ID);
    private static final UUID JANE = UUID.fromString(DefaultData.LAYER_CUSTOMER_ID);
    private static final List<Integer> PORTS = new ArrayList<>();

    // 1 request a second, burst 2: a third call at once is refused.
    @RegisterExtension
    static StubServerExtension stub = StubServerExtension.newInstance().rateLimits("layer=1:2").journalSize(1).build();

    @AfterAll
    static void oneServerServedEveryTest() {
        assertEquals(2, PORTS.size());
        assertEquals(1, Set.copyOf(PORTS).size(), "ports " + PORTS);
    }

    @Test
    @Order(1)
    void theRateLimitGivenApplies(StubServer server) throws ApiException {
        PORTS.add(stub.server().port());
        assertRateLimitedAfterTwoCalls(server);
    }

    @Test
    @Order(2)
    void theBucketsAreFullAgainInTheNextTest(StubServer server) throws ApiException {
        PORTS.add(stub.server().port());
        assertRateLimitedAfterTwoCalls(server);
    }

    @Test
    void theJournalSizeGivenApplies(StubServer server) throws Exception {
        var vayu = server.vayuClient();
        for (String name : List.of("First", "Second")) {
            vayu.updateCustomer(DefaultData.VAYU_CUSTOMER_ID,
                    new dev.contractkit.vayu.client.model.UpdateCustomerRequest().name(name));
        }

        var kept = server.received(Vendor.VAYU, "updateCustomer",
                dev.contractkit.vayu.client.model.UpdateCustomerRequest.class);

        assertEquals(List.of("Second"), kept.stream().map(r -> r.getName()).toList());
    }

    private static void assertRateLimitedAfterTwoCalls(StubServer server) throws ApiException {
        var layer = server.layerClient();
        var request = new UpdateCustomerRequest().email("jane@example.org");

        var first = layer.updateCustomerWithHttpInfo(BUSINESS, JANE, request);
        layer.updateCustomer(BUSINESS, JANE, request);
        var refused = assertThrows(ApiException.class, () -> layer.updateCustomer(BUSINESS, JANE, request));

        var headers = new TreeMap<String, List<String>>(String.CASE_INSENSITIVE_ORDER);
        headers.putAll(first.getHeaders());
        assertEquals(List.of("1"), headers.get("X-RateLimit-Limit"));
        assertEquals(List.of("1"), headers.get("X-RateLimit-Remaining"), "a full bucket of 2, less this call");
        assertEquals(429, refused.getCode());
    }
}
