package dev.contractkit.stub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.contractkit.stub.StubHttp.Answer;
import dev.contractkit.stub.store.ReadersHeldTogether;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.function.BiFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Many clients updating the same customer at once, over real HTTP, each writer owning its own request fields, so
 * no update may be lost to another's read-modify-write. The fields come from the spec: every request property that
 * can carry a value unique to a writer and a round ("t3-499" in a string, 3499 in a number, inside an array or an
 * object); enums, patterned strings and booleans cannot, and are left out.
 * <p>
 * Two phases. First, forced rounds: every writer sends one update at once and the store's test probe
 * ({@link ReadersHeldTogether}) holds each reader until all others have read too or wait for the scope's lock, so
 * without the lock all of them read the same customer and all but one update are lost, every run. Then free
 * rounds, as many clients would send them. After every forced round the stored customer shows every writer's
 * round, and in every answer no writer's field goes backwards: it shows each other writer's field at least at the
 * round that writer had been answered before the request was sent, and at least at the round this writer saw in
 * an earlier answer.
 */
class ConcurrentUpdatesAcceptanceTest {

    private static final int FORCED_ROUNDS = 3;
    private static final int FREE_ROUNDS = 300;
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
        int count = Math.min(writers, fields.size());
        assertTrue(count >= 4, vendor + " has only " + fields.size() + " markable fields: " + fields);
        UpdateTarget target = new UpdateTarget(stub, vendor);
        Progress progress = new Progress(target, fields.subList(0, count),
                (writer, round) -> marker(schemas, properties.get(fields.get(writer)), writer, round));

        ReadersHeldTogether held = ReadersHeldTogether.install(stub.state().vendor(vendor).store(),
                target.collection(), target.scope());
        try {
            for (int round = 0; round < FORCED_ROUNDS; round++) {
                int thisRound = round;
                held.arm(count);
                inParallel(count, writer -> progress.write(writer, thisRound));
                held.disarm();
                assertNull(held.problem(), vendor + " round " + round + " could not be forced: " + held.problem());
                progress.assertStoredHoldsEveryWritersRound(round);
            }
        } finally {
            held.uninstall();
        }
        inParallel(count, writer -> {
            for (int round = FORCED_ROUNDS; round < FORCED_ROUNDS + FREE_ROUNDS; round++) {
                progress.write(writer, round);
            }
        });
        progress.assertStoredHoldsEveryWritersRound(FORCED_ROUNDS + FREE_ROUNDS - 1);
    }

    /** Runs one task a writer, all released at once; rethrows the first failure. */
    private static void inParallel(int writers, WriterTask task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int writer = w;
                done.add(pool.submit(() -> {
                    go.await();
                    task.run(writer);
                    return null;
                }));
            }
            go.countDown();
            pool.shutdown();
            assertTrue(pool.awaitTermination(LIMIT.toSeconds(), TimeUnit.SECONDS),
                    writers + " writers did not finish within " + LIMIT);
            for (Future<?> writer : done) {
                rethrow(writer);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private interface WriterTask {
        void run(int writer) throws Exception;
    }

    /**
     * What each writer has written and been answered: the round its field shows (read back from the value, -1
     * for the value it had before), the last round each writer was answered, and what each writer has seen of
     * the others.
     */
    private static final class Progress {
        private final UpdateTarget target;
        private final List<String> fields;
        private final BiFunction<Integer, Integer, JsonNode> marker;
        private final List<Map<JsonNode, Integer>> rounds = new ArrayList<>();
        private final AtomicIntegerArray answered;
        /** seen[w][o]: the round of writer o's field in writer w's latest answer (only w's thread writes it). */
        private final int[][] seen;

        Progress(UpdateTarget target, List<String> fields, BiFunction<Integer, Integer, JsonNode> marker) {
            this.target = target;
            this.fields = fields;
            this.marker = marker;
            for (int w = 0; w < fields.size(); w++) {
                Map<JsonNode, Integer> byValue = new HashMap<>();
                for (int round = 0; round < FORCED_ROUNDS + FREE_ROUNDS; round++) {
                    byValue.put(target.expectedField(fields.get(w), marker.apply(w, round)), round);
                }
                rounds.add(byValue);
            }
            answered = new AtomicIntegerArray(fields.size());
            seen = new int[fields.size()][fields.size()];
            for (int w = 0; w < fields.size(); w++) {
                answered.set(w, -1);
                Arrays.fill(seen[w], -1);
            }
        }

        /** One update of the writer's field: a 200 showing it, and no other writer's field gone backwards. */
        void write(int writer, int round) {
            int[] before = new int[fields.size()];
            for (int w = 0; w < before.length; w++) {
                before[w] = answered.get(w);
            }
            ObjectNode body = NODES.objectNode();
            body.set(fields.get(writer), marker.apply(writer, round));
            Answer answer = StubHttp.put(target.url(), body.toString());
            assertEquals(200, answer.status(), () -> "PUT " + body + " answered " + answer.body());
            ObjectNode customer = answer.customer();
            assertEquals(round, roundOf(writer, customer), () -> "the answer to PUT " + body + " does not show it");
            for (int other = 0; other < fields.size(); other++) {
                int shown = roundOf(other, customer);
                int o = other;
                assertTrue(shown >= Math.max(before[other], seen[writer][other]), () -> "writer " + writer
                        + "'s round " + round + " was answered with " + fields.get(o) + " at round " + shown
                        + ", after writer " + o + " had been answered round " + before[o] + " and this writer had"
                        + " seen round " + seen[writer][o] + ": an update was lost");
                seen[writer][other] = shown;
            }
            answered.accumulateAndGet(writer, round, Math::max);
        }

        void assertStoredHoldsEveryWritersRound(int round) {
            ObjectNode stored = target.stored();
            for (int w = 0; w < fields.size(); w++) {
                assertEquals(round, roundOf(w, stored), target.vendor() + " " + fields.get(w) + " lost writer " + w
                        + "'s update of round " + round + ": " + stored);
            }
        }

        private int roundOf(int writer, ObjectNode customer) {
            return rounds.get(writer).getOrDefault(target.storedField(customer, fields.get(writer)), -1);
        }
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
