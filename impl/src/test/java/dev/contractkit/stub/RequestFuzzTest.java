package dev.contractkit.stub;

import dev.contractkit.stub.support.DefaultData;
import dev.contractkit.stub.support.FuzzBodies;
import dev.contractkit.stub.support.SpecJudge;
import dev.contractkit.stub.support.SpecSchemas;
import dev.contractkit.stub.support.StubHttp;
import dev.contractkit.stub.support.UpdateTarget;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.contractkit.stub.support.FuzzBodies.FuzzBody;
import dev.contractkit.stub.support.FuzzBodies.Intent;
import dev.contractkit.stub.support.StubHttp.Answer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.lifecycle.PropagationMode;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;

/**
 * Property-based fuzzing of each vendor's update over real HTTP, with bodies generated from the spec (see
 * {@link FuzzBodies}). Which bodies are valid is judged apart from the stub: parsed by a JSON reader of the test's
 * own (the rules docs/request-pipeline.md states) and checked by {@link SpecJudge}, not by the stub's validator or its
 * ObjectMapper, so a check the stub loses cannot vanish from the verdict too. For every body:
 * <ul>
 *   <li>the stub never answers a 5xx;</li>
 *   <li>a body the judge refuses (or that is no JSON, or too large) gets a 4xx and leaves the stored customer
 *       exactly as it was;</li>
 *   <li>a body it accepts gets a 200, and the stored customer then holds every field sent (Layer's tags as its
 *       transaction_tags), and nothing the schema does not declare;</li>
 *   <li>the generator and the judge agree on the bodies the generator meant valid or invalid.</li>
 * </ul>
 * One stub serves every try, so valid updates pile up on the same customer as they would in real use.
 * Tries: {@value #DEFAULT_TRIES} a vendor by default, {@code -Dfuzz.tries=N} to change; counts are written to
 * {@code target/fuzz-report.txt} (or {@code -Dfuzz.report=FILE}).
 */
@AddLifecycleHook(value = RequestFuzzTest.TriesFromSystemProperty.class,
        propagateTo = PropagationMode.ALL_DESCENDANTS)
class RequestFuzzTest {

    static final int DEFAULT_TRIES = 300;

    private static final SpecSchemas VAYU = SpecSchemas.updateCustomer(Vendor.VAYU);
    private static final SpecSchemas LAYER = SpecSchemas.updateCustomer(Vendor.LAYER);
    private static final Map<Vendor, Counts> COUNTS = new ConcurrentHashMap<>();

    private static StubServer stub;

    @BeforeContainer
    static void start() {
        stub = StubServer.builder().start();
    }

    @AfterContainer
    static void stop() {
        stub.close();
        report();
    }

    @Property
    void vayuUpdatesAnswerAsTheSpecSays(@ForAll("vayuBodies") FuzzBody body) {
        check(VAYU, body, true);
    }

    @Property
    void layerUpdatesAnswerAsTheSpecSays(@ForAll("layerBodies") FuzzBody body) {
        check(LAYER, body, true);
    }

    /**
     * Found by this fuzz: a key given twice. The validator reads the last value (valid here), but the typed model
     * was read from the raw bytes, failed on the first value and the stub answered 500.
     */
    @Example
    void aKeyGivenTwiceCountsWithItsLastValue() {
        check(VAYU, example("{\"taxIds\":12,\"taxIds\":null}"), false);
        check(LAYER, example("{\"tags\":12,\"tags\":[]}"), false);
    }

    /**
     * Found by this fuzz: a valid body nested to the JSON parser's limit (1000 levels) was stored, but its answer,
     * one level deeper, could not be written: a 500 for an update that had happened, and for every later one.
     */
    @Example
    void aBodyNestedToTheParsersLimitIsStoredAndAnswered() {
        int depth = 997; // {"customFields":[{"value": ...}]} adds 3 levels: 1000 in all
        try {
            check(VAYU, example("{\"customFields\":[{\"vayuCustomFieldName\":\"deep\",\"valueType\":\"String\","
                    + "\"value\":" + "[".repeat(depth) + "]".repeat(depth) + "}]}"), false);
            check(VAYU, example("{\"name\":\"after the deep one\"}"), false);
        } finally {
            stub.reset(); // while the bug lasts, the stored customer fails every later update
        }
    }

    private static FuzzBody example(String json) {
        return new FuzzBody("example", json.getBytes(StandardCharsets.UTF_8), Intent.VALID);
    }

    @Provide
    Arbitrary<FuzzBody> vayuBodies() {
        return FuzzBodies.of(VAYU);
    }

    @Provide
    Arbitrary<FuzzBody> layerBodies() {
        return FuzzBodies.of(LAYER);
    }

    /** Sends the body and checks the answer and the stored customer against the verdict; counted for the report. */
    private static void check(SpecSchemas schemas, FuzzBody body, boolean counted) {
        UpdateTarget target = new UpdateTarget(stub, schemas.vendor);
        Verdict verdict = Verdict.of(schemas, body.bytes());
        ObjectNode before = target.stored();

        long sent = System.nanoTime();
        Answer answer = StubHttp.put(target.url(), body.bytes());

        if (counted) {
            COUNTS.computeIfAbsent(schemas.vendor, v -> new Counts()).add(verdict, answer.status(),
                    System.nanoTime() - sent);
        }
        String exchange = "sent " + body + "\nverdict: " + verdict.why() + "\nanswer: " + answer.status() + " "
                + show(answer.body());
        assertTrue(answer.status() < 500, () -> "a 5xx: " + exchange);
        if (verdict.valid()) {
            assertEquals(200, answer.status(), () -> "a valid body refused: " + exchange);
            assertHoldsSentFields(schemas, target, verdict.parsed(), exchange);
        } else {
            assertEquals(verdict.status(), answer.status(), () -> "an invalid body, wrong status: " + exchange);
            assertJsonEquals(before, target.stored(), "an invalid body changed the customer: " + exchange);
        }
        // The generator knows the schema, not the vendor rules beside it (aliases sent different): those it cannot intend.
        if (body.intent() != Intent.EITHER && !verdict.why().startsWith("aliases")) {
            assertEquals(body.intent() == Intent.VALID, verdict.valid(),
                    () -> "the generator meant this body " + body.intent() + ", the judge disagrees: "
                            + exchange);
        }
    }

    private static void assertHoldsSentFields(SpecSchemas schemas, UpdateTarget target, JsonNode sent,
            String exchange) {
        ObjectNode stored = target.stored();
        Set<String> declared = schemas.properties(schemas.requestBody).keySet();
        sent.fieldNames().forEachRemaining(field -> {
            if (declared.contains(field)) {
                assertJsonEquals(target.expectedField(field, sent.get(field)), target.storedField(stored, field),
                        field + " is not stored as sent: " + exchange);
            }
        });
        Set<String> unknown = new HashSet<>();
        stored.fieldNames().forEachRemaining(unknown::add);
        unknown.removeAll(storedSchemaProperties(schemas.vendor));
        assertTrue(unknown.isEmpty(), () -> "fields the customer schema does not declare were stored: " + unknown
                + "\n" + exchange);
    }

    /** Like assertEquals, but prints trees too deep for JsonNode.toString, and only their start. */
    private static void assertJsonEquals(JsonNode expected, JsonNode actual, String message) {
        if (!Objects.equals(expected, actual)) {
            fail(message + "\nexpected: " + show(expected) + "\nbut was: " + show(actual));
        }
    }

    private static String show(JsonNode node) {
        if (node == null) {
            return "(none)";
        }
        String text = new String(FuzzBodies.Encoding.UTF8.encode(node), StandardCharsets.UTF_8);
        return text.length() > 600 ? text.substring(0, 600) + "…" : text;
    }

    /** The properties of the stored customer's schema (the customer in the vendor's 200 answer). */
    private static Set<String> storedSchemaProperties(Vendor vendor) {
        String collection = vendor == Vendor.VAYU ? "/customers" : "/v1/businesses/" + DefaultData.LAYER_BUSINESS_ID + "/customers";
        Set<String> properties = new java.util.LinkedHashSet<>();
        stub.state().vendor(vendor).model().collectionAt(collection).itemSchema().path("properties").fieldNames()
                .forEachRemaining(properties::add);
        return properties;
    }

    /**
     * How docs/request-pipeline.md says a body is read: strict JSON, nothing after it, nesting up to 1000 (Jackson's default),
     * numbers kept exact. Set up here, apart from the stub's own mapper.
     */
    private static final ObjectMapper READER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .build();

    /** What the spec says of a body, judged apart from the stub: the status it must get, and why. */
    record Verdict(int status, String why, JsonNode parsed) {

        boolean valid() {
            return status == 200;
        }

        static Verdict of(SpecSchemas schemas, byte[] bytes) {
            if (bytes.length > schemas.vendor.bodyLimit()) {
                return new Verdict(413, "larger than " + schemas.vendor.bodyLimit() + " bytes", null);
            }
            JsonNode parsed;
            try {
                parsed = READER.readTree(bytes);
            } catch (IOException e) {
                return new Verdict(400, "no JSON: " + e.getMessage().lines().findFirst().orElse(""), null);
            }
            if (parsed == null || parsed.isMissingNode()) {
                return new Verdict(400, "empty", null);
            }
            List<String> violations = new SpecJudge(schemas).violations(schemas.requestBody, parsed);
            for (List<String> group : schemas.aliasGroups()) {
                List<JsonNode> given = group.stream().filter(parsed::has).map(parsed::get).distinct().toList();
                if (violations.isEmpty() && given.size() > 1) {
                    return new Verdict(400, "aliases " + group + " sent different", parsed);
                }
            }
            return violations.isEmpty() ? new Verdict(200, "valid", parsed)
                    : new Verdict(400, "invalid: " + violations, parsed);
        }
    }

    /** What one vendor's tries sent and got, for the report. */
    static final class Counts {
        private long valid;
        private long invalid;
        private long serverErrors;
        private final Map<Integer, Long> statuses = new TreeMap<>();
        private long firstNanos;
        private long lastNanos;
        private long httpNanos;

        synchronized void add(Verdict verdict, int status, long nanos) {
            long now = System.nanoTime();
            httpNanos += nanos;
            if (valid + invalid == 0) {
                firstNanos = now;
            }
            lastNanos = now;
            if (verdict.valid()) {
                valid++;
            } else {
                invalid++;
            }
            if (status >= 500) {
                serverErrors++;
            }
            statuses.merge(status, 1L, Long::sum);
        }

        synchronized String line(Vendor vendor) {
            return String.format("%s: requests=%d valid=%d invalid=%d 5xx=%d statuses=%s elapsed=%.1fs (http %.1fs)",
                    vendor.prefix(), valid + invalid, valid, invalid, serverErrors, statuses,
                    (lastNanos - firstNanos) / 1e9, httpNanos / 1e9);
        }
    }

    private static void report() {
        StringBuilder report = new StringBuilder("fuzz tries per vendor: " + TriesFromSystemProperty.tries() + "\n");
        for (Vendor vendor : Vendor.packaged()) {
            report.append(COUNTS.getOrDefault(vendor, new Counts()).line(vendor)).append('\n');
        }
        System.out.print(report);
        try {
            Path file = Path.of(System.getProperty("fuzz.report", "target/fuzz-report.txt"));
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, report);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sets the tries of every generated property from -Dfuzz.tries: CI runs a few hundred, a bench thousands. */
    static final class TriesFromSystemProperty implements AroundPropertyHook {

        static int tries() {
            return Integer.getInteger("fuzz.tries", DEFAULT_TRIES);
        }

        @Override
        public PropertyExecutionResult aroundProperty(PropertyLifecycleContext context, PropertyExecutor property) {
            if (context.targetMethod().getParameterCount() > 0) { // an @Example stays one try
                context.attributes().setTries(tries());
            }
            return property.execute();
        }

        /** Outermost, so the tries are set before jqwik reads the property's attributes. */
        @Override
        public int aroundPropertyProximity() {
            return -100;
        }
    }
}
