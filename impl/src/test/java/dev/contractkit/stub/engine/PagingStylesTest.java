package dev.contractkit.stub.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.contractkit.stub.refusal.ErrorKind;
import dev.contractkit.stub.refusal.StubException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Lists paged as each operation's own parameters and answer schema say (paged.yaml): a next token and a
 * page size, a page number in a meta.pagination wrapper, an offset, an item id to start after or end
 * before, and a list with no size parameter, answered whole.
 */
class PagingStylesTest {

    private EngineFixture fixture;

    @BeforeEach
    void load() {
        fixture = EngineFixture.of("paged");
    }

    @Test
    void aNextTokenListIsFollowedToItsEndByTheTokensItHandsOut() {
        List<String> made = make("/tokens", 5);
        List<String> seen = new ArrayList<>();
        String query = "";
        int pages = 0;
        while (true) {
            JsonNode page = fixture.send("GET", "/tokens" + query, null).body();
            page.path("things").forEach(t -> seen.add(t.path("id").asText()));
            pages++;
            if (!page.hasNonNull("nextToken")) {
                break;
            }
            assertTrue(page.path("things").size() == 2, "pageSize's default (2) sizes every page but the last: " + page);
            query = "?nextToken=" + page.get("nextToken").asText();
        }
        assertEquals(made, seen);
        assertEquals(3, pages);
        assertEquals(5, fixture.send("GET", "/tokens?pageSize=9", null).body().path("things").size());
    }

    @Test
    void aTokenNoPageHandedOutIsA400NamingItsParameter() {
        make("/tokens", 1);
        StubException refused = assertThrows(StubException.class, () -> fixture.send("GET", "/tokens?nextToken=bogus", null));
        assertEquals(ErrorKind.BAD_CURSOR, refused.kind());
        assertEquals("nextToken", refused.violations().get(0).param());
    }

    @Test
    void aPageNumberListFillsItsPaginationWrapper() {
        List<String> made = make("/pages", 5);
        JsonNode second = fixture.send("GET", "/pages?page=2", null).body();
        assertEquals(made.subList(2, 4), ids(second.path("data")), "no default and a maximum of 2: pages of 2");
        JsonNode pagination = second.path("meta").path("pagination");
        assertEquals(2, pagination.path("current_page").asInt(), second.toString());
        assertEquals(3, pagination.path("total_pages").asInt(), second.toString());
        assertEquals(2, pagination.path("per_page").asInt(), second.toString());
        assertEquals(5, pagination.path("total").asInt(), second.toString());
    }

    @Test
    void anOffsetListSkipsThatMany() {
        List<String> made = make("/offsets", 5);
        JsonNode last = fixture.send("GET", "/offsets?offset=4", null).body();
        assertEquals(made.subList(4, 5), ids(last.path("results")));
        assertFalse(last.path("has_more").asBoolean(true), last.toString());
        assertEquals(5, last.path("total_count").asInt(), last.toString());
        assertTrue(fixture.send("GET", "/offsets?offset=1", null).body().path("has_more").asBoolean(), "items 2-3 of 5");
    }

    @Test
    void anAfterIdListStartsAfterThatItemAndEndsBeforeAnother() {
        List<String> made = make("/afters", 5);
        JsonNode after = fixture.send("GET", "/afters?starting_after=" + made.get(1), null).body();
        assertEquals(made.subList(2, 4), ids(after.path("data")));
        assertTrue(after.path("has_more").asBoolean(), after.toString());
        assertEquals(made.subList(0, 2), ids(fixture.send("GET", "/afters?ending_before=" + made.get(2), null).body().path("data")));
        StubException unknown = assertThrows(StubException.class, () -> fixture.send("GET", "/afters?starting_after=nobody", null));
        assertEquals(ErrorKind.BAD_CURSOR, unknown.kind());
        assertEquals("starting_after", unknown.violations().get(0).param());
    }

    @Test
    void aListWithNoSizeParameterIsAnsweredWhole() {
        make("/wholes", 120);
        assertEquals(120, fixture.send("GET", "/wholes", null).body().path("data").size());
    }

    private List<String> make(String collection, int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(fixture.send("POST", collection, "{\"name\":\"n" + i + "\"}").body().path("id").asText());
        }
        return ids;
    }

    private static List<String> ids(JsonNode array) {
        List<String> ids = new ArrayList<>();
        array.forEach(item -> ids.add(item.path("id").asText()));
        return ids;
    }
}
