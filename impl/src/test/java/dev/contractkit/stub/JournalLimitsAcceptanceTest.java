package dev.contractkit.stub;

import dev.contractkit.stub.support.DefaultData;
import dev.contractkit.stub.support.AdminClients;
import dev.contractkit.stub.support.StubHttp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.contractkit.admin.client.model.JournalEntry;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** What bounds the journal's memory: --journal-size (0 keeps none) and the 64 KB cap on each body it keeps. */
class JournalLimitsAcceptanceTest {

    private static final int SIXTY_FOUR_KB = 64 * 1024;

    @Test
    void journalSizeZeroKeepsNoRequest() throws Exception {
        try (StubServer stub = StubServer.builder().journalSize(0).start()) {
            for (int i = 0; i < 3; i++) {
                assertEquals(200, StubHttp.put(stub.url(Vendor.VAYU) + DefaultData.VAYU_CUSTOMER, "{\"name\":\"n" + i + "\"}").status());
            }
            assertEquals(400, StubHttp.put(stub.url(Vendor.LAYER) + DefaultData.LAYER_CUSTOMER, "{\"email\":5}").status());

            assertTrue(AdminClients.admin(stub).listRequests(null, null).getRequests().isEmpty());
            assertTrue(stub.received(Vendor.VAYU, "updateCustomer", Object.class).isEmpty());
        }
    }

    /**
     * A 100 KB Layer update (its limit is 1 MiB) is served whole, but the journal keeps the first 64 KB of the
     * request and of the answer, which then no longer parse as JSON and are shown as text.
     */
    @Test
    void keepsTheFirst64KbOfEachBody() throws Exception {
        String notes = "n".repeat(100 * 1024);
        String request = "{\"notes\":\"" + notes + "\"}";
        try (StubServer stub = StubServer.builder().start()) {
            StubHttp.Answer answer = StubHttp.put(stub.url(Vendor.LAYER) + DefaultData.LAYER_CUSTOMER, request);
            assertEquals(200, answer.status());
            assertEquals(notes, answer.customer().get("notes").asText(), "the answer itself is whole");

            JournalEntry entry = AdminClients.admin(stub).listRequests(null, null).getRequests().get(0);

            String body = assertInstanceOf(String.class, entry.getBody(), "a cut body is text");
            assertEquals(request.substring(0, SIXTY_FOUR_KB), body);
            String response = assertInstanceOf(String.class, entry.getResponseBody(), "a cut answer is text");
            assertEquals(SIXTY_FOUR_KB, response.getBytes(StandardCharsets.UTF_8).length);
            assertTrue(response.startsWith("{\"data\""), response.substring(0, 40));
        }
    }
}
