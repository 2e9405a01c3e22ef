package dev.contractkit.stub;

import dev.contractkit.stub.support.DefaultData;
import dev.contractkit.stub.support.SharedSandbox;
import dev.contractkit.stub.support.StubHttp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.contractkit.stub.support.StubHttp.Answer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Two stub replicas on one PostgreSQL database (--store jdbc:postgresql://...), over real HTTP: one shared state. */
class SharedSandboxAcceptanceTest {

    private static final String LAYER_CUSTOMERS = "/v1/businesses/" + DefaultData.LAYER_BUSINESS_ID + "/customers";

    private final SharedSandbox sandbox = new SharedSandbox();

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void anUpdateThroughOneReplicaIsReadThroughTheOtherAtOnce() {
        StubServer a = sandbox.replica();
        StubServer b = sandbox.replica();

        Answer put = StubHttp.put(a.url(Vendor.VAYU) + DefaultData.VAYU_CUSTOMER, "{\"name\":\"Written through A\"}");
        Answer layer = StubHttp.send("PATCH", b.url(Vendor.LAYER) + DefaultData.LAYER_CUSTOMER, "{\"memo\":\"through B\"}");

        assertEquals(200, put.status(), put.body()::toString);
        assertEquals(200, layer.status(), layer.body()::toString);
        assertEquals("Written through A", StubHttp.current(b.url(Vendor.VAYU) + DefaultData.VAYU_CUSTOMER).path("name").asText());
        assertEquals("through B", StubHttp.current(a.url(Vendor.LAYER) + DefaultData.LAYER_CUSTOMER).path("notes").asText());
    }

    /** jsonb keeps no key order: answers must still equal the memory store's as JSON, in the schema's field order. */
    @Test
    void answersEqualTheMemoryStoresAsJsonWithFieldsInTheSchemasOrder() {
        StubServer shared = sandbox.replica();
        try (StubServer memory = StubServer.builder().start()) {
            for (StubServer stub : List.of(shared, memory)) {
                StubHttp.put(stub.url(Vendor.VAYU) + DefaultData.VAYU_CUSTOMER, "{\"name\":\"Acme\",\"externalId\":\"acme-9\"}");
                StubHttp.send("POST", stub.url(Vendor.LAYER) + LAYER_CUSTOMERS, "{\"external_id\":\"c-7\",\"company_name\":\"Globex\"}");
            }
            ObjectNode sharedVayu = StubHttp.current(shared.url(Vendor.VAYU) + DefaultData.VAYU_CUSTOMER);
            ObjectNode memoryVayu = StubHttp.current(memory.url(Vendor.VAYU) + DefaultData.VAYU_CUSTOMER);
            assertEquals(memoryVayu, sharedVayu);
            JsonNode sharedList = get(shared, Vendor.LAYER, LAYER_CUSTOMERS + "?show_total_count=true");
            JsonNode memoryList = get(memory, Vendor.LAYER, LAYER_CUSTOMERS + "?show_total_count=true");
            assertEquals(names(memoryList), names(sharedList));
            assertEquals(memoryList.path("meta"), sharedList.path("meta"));

            List<String> declared = shared.state().vendor(Vendor.VAYU).model().fieldOrder("/customers");
            List<String> answered = new ArrayList<>();
            sharedVayu.fieldNames().forEachRemaining(answered::add);
            List<String> inDeclaredOrder = answered.stream().filter(declared::contains).toList();
            assertEquals(declared.stream().filter(answered::contains).toList(), inDeclaredOrder,
                    "fields answered out of the schema's order: " + answered);
        }
    }

    @Test
    void bothReplicasRestartedKeepEverything() {
        StubServer a = sandbox.replica();
        StubServer b = sandbox.replica();
        StubHttp.put(a.url(Vendor.VAYU) + DefaultData.VAYU_CUSTOMER, "{\"name\":\"Survivor\"}");
        Answer created = StubHttp.send("POST", b.url(Vendor.LAYER) + LAYER_CUSTOMERS, "{\"external_id\":\"kept-1\"}");
        assertEquals(201, created.status(), created.body()::toString);
        Answer armed = StubHttp.send("POST", a.baseUri() + "/__admin/faults",
                "{\"vendor\":\"layer\",\"operation\":\"archiveCustomer\",\"kind\":\"status\",\"status\":500,\"times\":2}");
        assertEquals(201, armed.status(), armed.body()::toString);
        int journalled = a.state().journal().find(r -> true).size();
        sandbox.close();

        StubServer c = sandbox.replica();
        sandbox.replica();

        assertEquals("Survivor", StubHttp.current(c.url(Vendor.VAYU) + DefaultData.VAYU_CUSTOMER).path("name").asText());
        String id = created.customer().path("id").asText();
        assertEquals("kept-1", get(c, Vendor.LAYER, LAYER_CUSTOMERS + "/" + id).path("data").path("external_id").asText());
        assertEquals(2, journalled);
        assertTrue(c.state().journal().find(r -> true).size() >= journalled, "the journal was lost");
        assertEquals(List.of(2), c.state().faults().list().stream().map(f -> f.getRemaining()).toList());
    }

    /** Both create the schema and load the data (Flyway's lock, then the stub's): neither fails on the other's rows. */
    @Test
    void twoReplicasStartingTogetherOnAnEmptyDatabaseBothStartAndTheDataIsLoadedOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<StubServer>> starting = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                starting.add(pool.submit(() -> sandbox.replica()));
            }
            StubServer a = starting.get(0).get();
            StubServer b = starting.get(1).get();
            assertEquals(List.of("customer-0"), names(get(a, Vendor.LAYER, LAYER_CUSTOMERS)));
            assertEquals(a.state().vendor(Vendor.VAYU).store().counts(), b.state().vendor(Vendor.VAYU).store().counts());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aResetThroughOneReplicaResetsBoth() {
        StubServer a = sandbox.replica();
        StubServer b = sandbox.replica();
        StubHttp.put(a.url(Vendor.VAYU) + DefaultData.VAYU_CUSTOMER, "{\"name\":\"Changed\"}");
        String original = StubHttp.current(a.url(Vendor.VAYU) + DefaultData.VAYU_CUSTOMER).path("name").asText();
        assertEquals("Changed", original);

        Answer reset = StubHttp.send("POST", b.baseUri() + "/__admin/reset", null);

        assertEquals(204, reset.status());
        assertEquals("Acme Analytics", StubHttp.current(a.url(Vendor.VAYU) + DefaultData.VAYU_CUSTOMER).path("name").asText());
        assertEquals(1, a.state().journal().find(r -> true).size(), "the journal keeps only the read after the reset");
    }

    @Test
    void aFaultArmedOnOneReplicaFiresOnEitherAndItsTimesCountOnce() {
        StubServer a = sandbox.replica();
        StubServer b = sandbox.replica();
        Answer armed = StubHttp.send("POST", a.baseUri() + "/__admin/faults",
                "{\"vendor\":\"vayu\",\"kind\":\"status\",\"status\":503,\"times\":3}");
        assertEquals(201, armed.status(), armed.body()::toString);

        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            StubServer replica = i % 2 == 0 ? b : a;
            statuses.add(StubHttp.put(replica.url(Vendor.VAYU) + DefaultData.VAYU_CUSTOMER, "{}").status());
        }

        assertEquals(List.of(503, 503, 503, 200, 200, 200), statuses);
        assertEquals(0, a.state().faults().list().size());
    }

    @Test
    void aRateLimitHoldsAcrossReplicas() {
        StubServer a = sandbox.replica(StubServer.builder().rateLimits("layer=1:4"));
        StubServer b = sandbox.replica(StubServer.builder().rateLimits("layer=1:4"));
        int answered = 0;
        int limited = 0;
        for (int i = 0; i < 8; i++) {
            StubServer replica = i % 2 == 0 ? a : b;
            int status = StubHttp.send("GET", replica.url(Vendor.LAYER) + DefaultData.LAYER_CUSTOMER, null).status();
            answered += status == 200 ? 1 : 0;
            limited += status == 429 ? 1 : 0;
        }
        assertTrue(answered >= 4 && answered <= 5, answered + " answered of a burst of 4 at 1 a second");
        assertEquals(8, answered + limited);
        var bucket = StubHttp.send("GET", b.baseUri() + "/__admin/rate-limits", null).body().at("/buckets/0");
        assertEquals("layer", bucket.path("vendor").asText(), bucket::toString);
        assertTrue(bucket.path("remaining").asLong() <= 1, "the bucket both replicas emptied reads empty: " + bucket);
    }

    /** Layer's create is an upsert on external_id: sixteen at once on two replicas make one customer, answered 201 once. */
    @Test
    void anExternalIdStaysUniqueUnderConcurrentCreatesOnBothReplicas() throws Exception {
        StubServer a = sandbox.replica();
        StubServer b = sandbox.replica();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Callable<Integer>> creates = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                StubServer replica = i % 2 == 0 ? a : b;
                creates.add(() -> StubHttp.send("POST", replica.url(Vendor.LAYER) + LAYER_CUSTOMERS,
                        "{\"external_id\":\"only-once\",\"company_name\":\"Twin\"}").status());
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> status : pool.invokeAll(creates)) {
                statuses.add(status.get());
            }
            assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses::toString);
            assertEquals(15, statuses.stream().filter(s -> s == 200).count(), statuses::toString);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(List.of("customer-0", "only-once"), names(get(b, Vendor.LAYER, LAYER_CUSTOMERS)));
    }

    /** A Vayu externalId another customer holds is a 409, whichever replica holds the other. */
    @Test
    void aTakenExternalIdIsRefusedThroughTheOtherReplicaAndChangesNothing() {
        StubServer a = sandbox.replica();
        StubServer b = sandbox.replica();
        Answer seeded = StubHttp.send("POST", a.baseUri() + "/__admin/vayu/customers",
                "{\"name\":\"Globex\",\"externalId\":\"globex-1\"}");
        assertEquals(201, seeded.status(), seeded.body()::toString);
        ObjectNode before = StubHttp.current(b.url(Vendor.VAYU) + DefaultData.VAYU_CUSTOMER);

        Answer taken = StubHttp.put(b.url(Vendor.VAYU) + DefaultData.VAYU_CUSTOMER,
                "{\"name\":\"Renamed\",\"externalId\":\"globex-1\"}");

        assertEquals(409, taken.status(), taken.body()::toString);
        assertEquals("resource_already_exists", taken.body().path("code").asText());
        assertEquals(before, StubHttp.current(a.url(Vendor.VAYU) + DefaultData.VAYU_CUSTOMER));
    }

    @Test
    void theJournalStaysBoundedAcrossReplicas() {
        StubServer a = sandbox.replica(StubServer.builder().journalSize(5));
        StubServer b = sandbox.replica(StubServer.builder().journalSize(5));
        for (int i = 0; i < 12; i++) {
            StubHttp.put((i % 2 == 0 ? a : b).url(Vendor.VAYU) + DefaultData.VAYU_CUSTOMER, "{\"name\":\"n" + i + "\"}");
        }
        var entries = b.state().journal().find(r -> true);
        assertEquals(5, entries.size());
        assertTrue(new String(entries.get(4).body()).contains("n11"), "the newest is kept last");
    }

    private static JsonNode get(StubServer stub, Vendor vendor, String path) {
        Answer answer = StubHttp.send("GET", stub.url(vendor) + path, null);
        assertEquals(200, answer.status(), () -> path + " answered " + answer.body());
        return answer.body();
    }

    private static List<String> names(JsonNode list) {
        List<String> names = new ArrayList<>();
        for (Iterator<JsonNode> it = list.path("data").elements(); it.hasNext(); ) {
            names.add(it.next().path("external_id").asText());
        }
        return names;
    }
}
