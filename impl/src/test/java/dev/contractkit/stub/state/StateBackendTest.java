package dev.contractkit.stub.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.contractkit.stub.store.JdbcStore;
import dev.contractkit.stub.store.ResourceStore;
import dev.contractkit.stub.support.TestPostgres;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The two backends as the state sees them: memory is each stub's own, a database is shared and loaded once. */
class StateBackendTest {

    @Test
    void inMemoryEachStubLoadsItsDataAndKeepsItsOwnState() {
        AtomicInteger loads = new AtomicInteger();
        try (StateBackend a = StateBackend.open(null); StateBackend b = StateBackend.open(null)) {
            a.loadOnce(loads::incrementAndGet);
            b.loadOnce(loads::incrementAndGet);
            ResourceStore ofA = a.resources("layer", c -> List.of());
            store(ofA, "cus_1");

            assertEquals(2, loads.get());
            assertTrue(has(ofA, "cus_1"));
            assertFalse(has(b.resources("layer", c -> List.of()), "cus_1"));
            assertEquals(Optional.empty(), a.location());
            assertEquals(Optional.empty(), a.down());
        }
    }

    @Test
    void onOneDatabaseTheDataIsLoadedOnceAndEveryReplicaSeesTheSameState() {
        JdbcStore store = JdbcStore.of(TestPostgres.get().newDatabase(), TestPostgres.USER, TestPostgres.PASSWORD);
        AtomicInteger loads = new AtomicInteger();
        try (StateBackend a = StateBackend.open(store); StateBackend b = StateBackend.open(store)) {
            a.loadOnce(loads::incrementAndGet);
            b.loadOnce(loads::incrementAndGet);
            store(a.resources("layer", c -> List.of("id")), "cus_1");

            assertEquals(1, loads.get());
            assertTrue(has(b.resources("layer", c -> List.of("id")), "cus_1"));
            assertTrue(b.location().orElseThrow().contains(store.url()));
            assertFalse(b.location().orElseThrow().contains(TestPostgres.PASSWORD));
            assertEquals(Optional.empty(), b.down());
        }
    }

    private static void store(ResourceStore resources, String id) {
        ObjectNode item = JsonNodeFactory.instance.objectNode().put("id", id);
        resources.inScope("/customers", "", true, s -> s.put(id, item, List.of(), "Customer"));
    }

    private static boolean has(ResourceStore resources, String id) {
        return resources.inScope("/customers", "", false, s -> s.get(id)).isPresent();
    }
}
