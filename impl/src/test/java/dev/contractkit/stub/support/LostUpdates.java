package dev.contractkit.stub.support;

import dev.contractkit.stub.Vendor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.contractkit.stub.support.StubHttp.Answer;
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

/**
 * Writers updating one customer at once, each owning a request field of its own (from the spec: every property that
 * can carry a value unique to a writer and a round, "t3-499" in a string, 3499 in a number, inside an array or an
 * object), so an update lost to another's read-modify-write shows: in every answer no writer's field goes backwards,
 * and the stored customer shows every writer's last round. Writer w sends to {@code targets[w % targets]}: one stub,
 * or replicas sharing a database.
 */
public final class LostUpdates {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private LostUpdates() {
    }

    /** The fields writers of this vendor can own: one writer a field, at most {@code writers}. */
    public static List<String> writerFields(Vendor vendor, int writers) {
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
        return fields.subList(0, count);
    }

    /** What writers of these fields have written and been answered, for rounds 0 to {@code rounds - 1}. */
    public static Progress progress(List<UpdateTarget> targets, List<String> fields, int rounds) {
        Vendor vendor = targets.get(0).vendor();
        SpecSchemas schemas = SpecSchemas.updateCustomer(vendor);
        Map<String, JsonNode> properties = schemas.properties(schemas.requestBody);
        return new Progress(targets, fields, rounds,
                (writer, round) -> marker(schemas, properties.get(fields.get(writer)), writer, round));
    }

    /** Runs one task a writer, all released at once; rethrows the first failure. */
    public static void inParallel(int writers, Duration limit, WriterTask task) throws Exception {
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
            assertTrue(pool.awaitTermination(limit.toSeconds(), TimeUnit.SECONDS),
                    writers + " writers did not finish within " + limit);
            for (Future<?> writer : done) {
                rethrow(writer);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    public interface WriterTask {
        void run(int writer) throws Exception;
    }

    /**
     * What each writer has written and been answered: the round its field shows (read back from the value, -1
     * for the value it had before), the last round each writer was answered, and what each writer has seen of
     * the others.
     */
    public static final class Progress {
        private final List<UpdateTarget> targets;
        private final List<String> fields;
        private final BiFunction<Integer, Integer, JsonNode> marker;
        private final List<Map<JsonNode, Integer>> rounds = new ArrayList<>();
        private final AtomicIntegerArray answered;
        /** seen[w][o]: the round of writer o's field in writer w's latest answer (only w's thread writes it). */
        private final int[][] seen;

        private Progress(List<UpdateTarget> targets, List<String> fields, int roundCount,
                BiFunction<Integer, Integer, JsonNode> marker) {
            this.targets = targets;
            UpdateTarget target = targets.get(0);
            this.fields = fields;
            this.marker = marker;
            for (int w = 0; w < fields.size(); w++) {
                Map<JsonNode, Integer> byValue = new HashMap<>();
                for (int round = 0; round < roundCount; round++) {
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
        public void write(int writer, int round) {
            int[] before = new int[fields.size()];
            for (int w = 0; w < before.length; w++) {
                before[w] = answered.get(w);
            }
            ObjectNode body = NODES.objectNode();
            body.set(fields.get(writer), marker.apply(writer, round));
            Answer answer = StubHttp.put(targets.get(writer % targets.size()).url(), body.toString());
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

        public void assertStoredHoldsEveryWritersRound(int round) {
            UpdateTarget target = targets.get(0);
            ObjectNode stored = target.stored();
            for (int w = 0; w < fields.size(); w++) {
                assertEquals(round, roundOf(w, stored), target.vendor() + " " + fields.get(w) + " lost writer " + w
                        + "'s update of round " + round + ": " + stored);
            }
        }

        private int roundOf(int writer, ObjectNode customer) {
            return rounds.get(writer).getOrDefault(targets.get(0).storedField(customer, fields.get(writer)), -1);
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
