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
 * Paging over real HTTP, on its own (issue 25, item 7d): Layer's list walked a page of `limit` at a time by the
 * cursor each page hands out gives every customer once, in the order of the whole list, each page full but the
 * last; a cursor no page handed out is Layer's 400 PaginationCursor naming it.
 */
@StubServerTest
class LayerPagingAcceptanceTest {

    private static final String CUSTOMERS = "/v1/businesses/" + DefaultData.LAYER_BUSINESS_ID + "/customers";

    private StubServer stub;

    @BeforeEach
    void fiveCustomers(StubServer server) {
        stub = server;
        for (int n = 1; n <= 4; n++) { // and the loaded one
            assertEquals(201, StubHttp.send("POST", url(""), "{\"external_id\":\"paged-" + n + "\"}").status());
        }
    }

    @Test
    void theCursorsWalkEveryCustomerOnceInTheListsOrder() {
        List<String> whole = ids(list("?limit=100"));
        assertEquals(5, whole.size(), whole::toString);

        List<String> walked = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        String query = "?limit=2";
        while (true) {
            JsonNode page = list(query);
            walked.addAll(ids(page));
            sizes.add(page.get("data").size());
            JsonNode pagination = page.at("/meta/pagination");
            if (!pagination.path("has_more").asBoolean()) {
                assertTrue(pagination.path("cursor").isNull(), "the last page hands out no cursor: " + pagination);
                break;
            }
            assertFalse(pagination.path("cursor").asText().isEmpty(), pagination::toString);
            assertTrue(sizes.size() < 5, "the walk ends");
            query = "?limit=2&cursor=" + pagination.path("cursor").asText();
        }

        assertEquals(List.of(2, 2, 1), sizes);
        assertEquals(whole, walked);
    }

    @Test
    void aPageAsLargeAsTheListIsTheLast() {
        JsonNode page = list("?limit=5");

        assertEquals(5, page.get("data").size());
        assertFalse(page.at("/meta/pagination/has_more").asBoolean(), page::toString);
    }

    @Test
    void aCursorNoPageHandedOutIsA400NamingIt() {
        StubHttp.Answer refused = StubHttp.send("GET", url("?limit=2&cursor=not-a-cursor"), null);

        assertEquals(400, refused.status(), () -> String.valueOf(refused.body()));
        JsonNode error = refused.body().at("/errors/0");
        assertEquals("PaginationCursor", error.path("type").asText(), refused.body()::toString);
        assertEquals("cursor", error.at("/meta/field").asText(), refused.body()::toString);
    }

    private JsonNode list(String query) {
        StubHttp.Answer answer = StubHttp.send("GET", url(query), null);
        assertEquals(200, answer.status(), () -> String.valueOf(answer.body()));
        return answer.body();
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("data").forEach(c -> ids.add(c.path("id").asText()));
        return ids;
    }

    private String url(String rest) {
        return stub.url(Vendor.LAYER) + CUSTOMERS + rest;
    }
}
