package dev.contractkit.stub;

import dev.contractkit.stub.support.DefaultData;
import dev.contractkit.stub.support.StubHttp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.contractkit.stub.junit.StubServerTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Layer's list as its pagination page and the Customer object say: pages of `limit` handed on by `cursor`
 * until `has_more` is false, `sort_order`, filters by field and `_contains`, archived customers left out
 * unless `include_archived=true`.
 */
@StubServerTest
class LayerListAcceptanceTest {

    static final String CUSTOMERS = "/v1/businesses/" + DefaultData.LAYER_BUSINESS_ID + "/customers";

    StubServer stub;

    @BeforeEach
    void threeMoreCustomers(StubServer server) {
        stub = server;
        for (String name : List.of("Alpha Co", "Beta Co", "Gamma Inc")) {
            assertEquals(201, StubHttp.send("POST", url(""), "{\"external_id\":\"" + name + "\",\"company_name\":\"" + name
                    + "\"}").status());
        }
    }

    @Test
    void pagesAreHandedOnByTheirCursorUntilThereIsNoMore() {
        List<String> seen = new ArrayList<>();
        JsonNode page = list("?limit=3&show_total_count=true");
        page.get("data").forEach(c -> seen.add(c.get("id").asText()));
        assertTrue(page.at("/meta/pagination/has_more").asBoolean(), page::toString);
        assertEquals(4, page.at("/meta/pagination/total_count").asInt());

        JsonNode last = list("?limit=3&cursor=" + page.at("/meta/pagination/cursor").asText());
        last.get("data").forEach(c -> seen.add(c.get("id").asText()));

        assertFalse(last.at("/meta/pagination/has_more").asBoolean(), last::toString);
        assertTrue(last.at("/meta/pagination/cursor").isNull());
        assertEquals(4, seen.stream().distinct().count(), seen::toString);
    }

    @Test
    void sortsAndFiltersAsAsked() {
        JsonNode sorted = list("?sort_by=external_id&sort_order=DESC");
        assertEquals("customer-0", sorted.at("/data/0/external_id").asText());
        assertEquals("DESC", sorted.at("/meta/pagination/sort_order").asText());

        JsonNode contains = list("?name_contains=co");
        assertEquals(2, contains.get("data").size(), contains::toString);
        assertEquals(1, list("?external_id=Beta%20Co").get("data").size());
    }

    @Test
    void archivedCustomersAreLeftOutUnlessAsked() {
        String jane = DefaultData.LAYER_CUSTOMER.substring(DefaultData.LAYER_CUSTOMER.lastIndexOf('/'));
        assertEquals(200, StubHttp.send("POST", url(jane + "/archive"), null).status());

        assertEquals(3, list("").get("data").size());
        assertEquals(4, list("?include_archived=true").get("data").size());
        assertEquals("ARCHIVED", StubHttp.send("GET", url(jane), null).body().at("/data/status").asText());
    }

    private JsonNode list(String query) {
        StubHttp.Answer answer = StubHttp.send("GET", url(query), null);
        assertEquals(200, answer.status(), () -> answer.body().toString());
        return answer.body();
    }

    private String url(String rest) {
        return stub.url(Vendor.LAYER) + CUSTOMERS + rest;
    }
}
