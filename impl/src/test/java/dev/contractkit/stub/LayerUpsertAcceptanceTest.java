package dev.contractkit.stub;

import dev.contractkit.stub.support.DefaultData;
import dev.contractkit.stub.support.StubHttp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.contractkit.stub.junit.StubServerTest;
import org.junit.jupiter.api.Test;

/**
 * Layer's create is an upsert on external_id (x-contract-kit upsertOn), in memory, over real HTTP (issue 25, item 7d;
 * the shared sandbox has its own test): a repeated external_id answers 200 with the same customer, updated, and makes
 * no second one; a new external_id still creates (201).
 */
@StubServerTest
class LayerUpsertAcceptanceTest {

    private static final String CUSTOMERS = "/v1/businesses/" + DefaultData.LAYER_BUSINESS_ID + "/customers";

    @Test
    void aRepeatedExternalIdAnswers200WithTheSameCustomerUpdated(StubServer stub) {
        String url = stub.url(Vendor.LAYER) + CUSTOMERS;
        StubHttp.Answer first = StubHttp.send("POST", url, "{\"external_id\":\"upsert-1\",\"company_name\":\"Old Name\"}");
        assertEquals(201, first.status(), () -> String.valueOf(first.body()));
        String id = first.customer().path("id").asText();

        StubHttp.Answer again = StubHttp.send("POST", url, "{\"external_id\":\"upsert-1\",\"company_name\":\"New Name\"}");

        assertEquals(200, again.status(), () -> String.valueOf(again.body()));
        assertEquals(id, again.customer().path("id").asText());
        assertEquals("New Name", again.customer().path("company_name").asText());
        JsonNode listed = StubHttp.send("GET", url + "?external_id=upsert-1", null).body().get("data");
        assertEquals(1, listed.size(), listed::toString);
        assertEquals("New Name", StubHttp.send("GET", url + "/" + id, null).customer().path("company_name").asText());
    }

    @Test
    void anotherExternalIdStillCreates(StubServer stub) {
        String url = stub.url(Vendor.LAYER) + CUSTOMERS;
        String first = StubHttp.send("POST", url, "{\"external_id\":\"upsert-a\"}").customer().path("id").asText();

        StubHttp.Answer other = StubHttp.send("POST", url, "{\"external_id\":\"upsert-b\"}");

        assertEquals(201, other.status(), () -> String.valueOf(other.body()));
        assertNotEquals(first, other.customer().path("id").asText());
    }
}
