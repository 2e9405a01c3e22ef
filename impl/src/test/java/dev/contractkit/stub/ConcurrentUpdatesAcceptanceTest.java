package dev.contractkit.stub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.contractkit.stub.StubHttp.Answer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Many clients updating the same customer at once, over real HTTP, each writer owning its own request fields:
 * once all are done the stored customer holds every writer's last value, so no update was lost to another's
 * read-modify-write. The fields come from the spec: every request property that can carry a value unique to a
 * writer and a round ("t3-499" in a string, 3499 in a number, inside an array or an object); enums, patterned
 * strings and booleans cannot, and are left out.
 */
class ConcurrentUpdatesAcceptanceTest {

    private static final int UPDATES_PER_WRITER = 500;
    private static final Duration LIMIT = Duration.ofSeconds(60);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private static StubServer stub;

    @BeforeAll
    static void start() {
        stub = StubServer.builder().start();
    }

    @AfterAll
    static void stop() {
        stub.close();
    }

    /** Vayu's request has 21 properties, 17 of which can carry a marker: one writer each for 16 of them. */
    @Test
    void sixteenVayuWritersOfTheirOwnFieldsLoseNoUpdate() throws Exception {
        assertNoUpdateIsLost(Vendor.VAYU, 16);
    }

    /** Layer's request has only 9 properties (8 strings and tags), so at most 9 writers can own one each. */
    @Test
    void nineLayerWritersOfTheirOwnFieldsLoseNoUpdate() throws Exception {
        assertNoUpdateIsLost(Vendor.LAYER, 9);
    }

    private static void assertNoUpdateIsLost(Vendor vendor, int writers) throws Exception {
        SpecSchemas schemas = SpecSchemas.updateCustomer(vendor);
        Map<String, JsonNode> properties = schemas.properties(schemas.requestBody);
        // One writer a value: an alias (Layer's memo, the same value as notes) has no writer of its own.
        java.util.Set<String> aliases = new java.util.HashSet<>();
        schemas.aliasGroups().forEach(group -> aliases.addAll(group.subList(1, group.size())));
        List<String> fields = properties.keySet().stream().filter(field -> !aliases.contains(field))
                .filter(field -> marker(schemas, properties.get(field), 0, 0) != null).toList();
        // A vendor file with fewer markable fields (Vayu's whole file has 12) gets one writer each, at least 4.
        writers = Math.min(writers, fields.size());
        assertTrue(writers >= 4, vendor + " has only " + fields.size() + " markable fields: " + fields);
        UpdateTarget target = new UpdateTarget(stub, vendor);

        ExecutorService pool = Executors.newFixedThreadPool(writers);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int writer = w;
                String field = fields.get(w);
                JsonNode schema = properties.get(field);
                done.add(pool.submit(() -> {
                    go.await();
                    for (int round = 0; round < UPDATES_PER_WRITER; round++) {
                        write(target, field, marker(schemas, schema, writer, round));
                    }
                    return null;
                }));
            }
            go.countDown();
            pool.shutdown();
            assertTrue(pool.awaitTermination(LIMIT.toSeconds(), TimeUnit.SECONDS),
                    writers + " writers x " + UPDATES_PER_WRITER + " updates did not finish within " + LIMIT);
            for (Future<?> writer : done) {
                rethrow(writer);
            }
        } finally {
            pool.shutdownNow();
        }

        ObjectNode stored = target.stored();
        for (int w = 0; w < writers; w++) {
            String field = fields.get(w);
            JsonNode last = marker(schemas, properties.get(field), w, UPDATES_PER_WRITER - 1);
            assertEquals(target.expectedField(field, last), target.storedField(stored, field),
                    vendor + " " + field + " lost writer " + w + "'s last update");
        }
    }

    /** One update of one field: it must succeed, and its answer must show the value just written. */
    private static void write(UpdateTarget target, String field, JsonNode value) {
        ObjectNode body = NODES.objectNode();
        body.set(field, value);
        Answer answer = StubHttp.put(target.url(), body.toString());
        assertEquals(200, answer.status(), () -> "PUT " + body + " answered " + answer.body());
        assertEquals(target.expectedField(field, value), target.storedField(answer.customer(), field),
                () -> "the answer to PUT " + body + " does not show it");
    }

    /**
     * A valid value for the schema that only this writer writes, in this round, or null when the schema
     * cannot carry one (an enum, a pattern or format, a boolean, any-type, or a required part that cannot).
     */
    private static JsonNode marker(SpecSchemas schemas, JsonNode schema, int writer, int round) {
        if (!SpecSchemas.enumValues(schema).isEmpty()) {
            return null;
        }
        String text = "t" + writer + "-" + round;
        String type = SpecSchemas.type(schema);
        if (type == null) {
            return null;
        }
        return switch (type) {
            case "string" -> schema.has("pattern") || schema.has("format")
                    || schema.path("maxLength").asInt(Integer.MAX_VALUE) < text.length() ? null : NODES.textNode(text);
            case "number", "integer" -> NODES.numberNode(writer * 1000 + round);
            case "array" -> {
                JsonNode item = marker(schemas, schemas.resolve(schema.get("items")), writer, round);
                yield item == null || schema.path("maxItems").asInt(1) < 1 ? null : NODES.arrayNode().add(item);
            }
            case "object" -> objectMarker(schemas, schema, writer, round);
            default -> null;
        };
    }

    private static JsonNode objectMarker(SpecSchemas schemas, JsonNode schema, int writer, int round) {
        ObjectNode object = NODES.objectNode();
        var required = SpecSchemas.required(schema);
        for (var property : schemas.properties(schema).entrySet()) {
            JsonNode value = marker(schemas, property.getValue(), writer, round);
            if (value != null) {
                object.set(property.getKey(), value);
            } else if (required.contains(property.getKey())) {
                return null;
            }
        }
        return object.isEmpty() ? null : object;
    }

    private static void rethrow(Future<?> writer) throws Exception {
        try {
            writer.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw (Exception) e.getCause();
        }
    }
}
