package dev.contractkit.stub.support;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteConstraints;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Request bodies for an operation, as bytes on the wire: valid ones drawn from its schema, ones broken in one
 * place against the schema, and raw ones (cut, garbled, non-UTF-8, random bytes, oversized). Each says what the
 * generator meant it to be; the fuzz's own judge has the last word (SpecJudge, see RequestFuzzTest).
 */
public final class FuzzBodies {

    /** What the generator meant a body to be; EITHER when a raw mutation may or may not leave it valid. */
    public enum Intent { VALID, INVALID, EITHER }

    public record FuzzBody(String kind, byte[] bytes, Intent intent) {

        @Override
        public String toString() {
            String text = new String(bytes, 0, Math.min(bytes.length, 600), StandardCharsets.UTF_8);
            return kind + " (" + bytes.length + " bytes): " + text.replaceAll("[\\p{Cc}&&[^\n]]", "\uFFFD")
                    + (bytes.length > 600 ? "…" : "");
        }
    }

    /** How a JSON tree goes on the wire: compact UTF-8, every non-ASCII character escaped, or indented. */
    public enum Encoding {
        UTF8(WRITER),
        ASCII_ESCAPED(WRITER.with(JsonWriteFeature.ESCAPE_NON_ASCII)),
        PRETTY(WRITER.withDefaultPrettyPrinter());

        private final ObjectWriter writer;

        Encoding(ObjectWriter writer) {
            this.writer = writer;
        }

        public byte[] encode(JsonNode value) {
            try {
                return writer.writeValueAsBytes(value);
            } catch (JsonProcessingException e) {
                // A lone surrogate cannot be written as UTF-8: it goes escaped, as \ud83d, instead.
                return this == ASCII_ESCAPED ? fail(e) : ASCII_ESCAPED.encode(value);
            }
        }

        private static byte[] fail(JsonProcessingException e) {
            throw new IllegalStateException("cannot encode a generated body", e);
        }
    }

    /** Writes trees of any depth: the generators nest past the parser's limit on purpose. */
    private static final ObjectWriter WRITER = JsonMapper.builder(JsonFactory.builder()
            .streamWriteConstraints(StreamWriteConstraints.builder().maxNestingDepth(Integer.MAX_VALUE).build())
            .build()).build().writer();

    /**
     * From this depth on a valid tree may or may not parse: the JSON parser refuses documents nested deeper
     * than 1000, and where exactly a body crosses that line is the parser's business, not the schema's.
     */
    private static final int NEAR_NESTING_LIMIT = 995;

    private FuzzBodies() {
    }

    /** How deeply arrays and objects nest in a tree: 1 for {}, 2 for {"a":[]}. */
    public static int depth(JsonNode node) {
        int deepest = 0;
        for (JsonNode child : node) {
            deepest = Math.max(deepest, depth(child));
        }
        return node.isContainerNode() ? deepest + 1 : 0;
    }

    /** The mix a fuzz run draws from: 4 valid, 4 broken against the schema, 2 raw, in 10. */
    public static Arbitrary<FuzzBody> of(SpecSchemas schemas) {
        SchemaArbitraries arbitraries = new SchemaArbitraries(schemas);
        Arbitrary<JsonNode> valid = arbitraries.valid(schemas.requestBody);
        Arbitrary<Encoding> encodings = Arbitraries.of(Encoding.class);
        Arbitrary<FuzzBody> validBodies = Combinators.combine(valid, encodings)
                .as((body, encoding) -> new FuzzBody("valid, " + encoding, encoding.encode(body),
                        depth(body) < NEAR_NESTING_LIMIT ? Intent.VALID : Intent.EITHER));
        Arbitrary<FuzzBody> brokenBodies = Combinators.combine(arbitraries.invalid(schemas.requestBody), encodings)
                .as((broken, encoding) -> new FuzzBody("invalid " + broken, encoding.encode(broken.value()),
                        Intent.INVALID));
        Arbitrary<byte[]> validBytes = Combinators.combine(valid, encodings)
                .as((body, encoding) -> encoding.encode(body));
        return Arbitraries.frequencyOf(
                Tuple.of(4, validBodies),
                Tuple.of(4, brokenBodies),
                Tuple.of(2, raw(validBytes, List.copyOf(schemas.properties(schemas.requestBody).keySet()),
                        schemas.vendor.bodyLimit())));
    }

    /** Text-level damage to valid JSON, and bodies that are no JSON at all. */
    private static Arbitrary<FuzzBody> raw(Arbitrary<byte[]> validBytes, List<String> names, int bodyLimit) {
        Arbitrary<FuzzBody> damaged = Combinators.combine(validBytes, Arbitraries.of(Damage.class),
                Arbitraries.integers().greaterOrEqual(0))
                .as((bytes, damage, seed) -> new FuzzBody(damage.name().toLowerCase(Locale.ROOT),
                        damage.apply(bytes, new Where(seed, names)), damage.intent));
        Arbitrary<FuzzBody> randomBytes = Arbitraries.bytes().array(byte[].class).ofMaxSize(200)
                .map(bytes -> new FuzzBody("random bytes", bytes, Intent.EITHER));
        Arbitrary<FuzzBody> oversized = Arbitraries.just(new FuzzBody("over the body limit",
                ("{\"x\":\"" + "x".repeat(bodyLimit) + "\"}").getBytes(StandardCharsets.US_ASCII), Intent.INVALID));
        return Arbitraries.frequencyOf(Tuple.of(20, damaged), Tuple.of(5, randomBytes), Tuple.of(1, oversized));
    }

    /** Where a damage strikes: {@code seed} picks the place and the kind; {@code names} are the body's properties. */
    public record Where(int seed, List<String> names) {

        String pick(String... choices) {
            return choices[Math.floorMod(seed, choices.length)];
        }

        String name() {
            return names.get(Math.floorMod(seed, names.size()));
        }
    }

    /** One way to damage a valid body's bytes. */
    public enum Damage {
        /** Some of the body, at least its first byte (a valid body is an object: 2 bytes or more). */
        CUT_SHORT(Intent.INVALID, (b, at) -> Arrays.copyOf(b, 1 + at.seed() % (b.length - 1))),
        EMPTY(Intent.INVALID, (b, at) -> new byte[0]),
        TRAILING_TOKENS(Intent.INVALID, (b, at) -> concat(b, ascii(at.pick(" {}", "x", " 1", "]", ",")))),
        BYTE_INSERTED(Intent.EITHER, (b, at) -> insert(b, at.seed(), at.pick("{", "}", "[", ",", ":", "\"",
                "\\", "\u0000", "x", "/*c*/", "NaN", "'", "\u00e9").getBytes(StandardCharsets.UTF_8))),
        NOT_UTF8(Intent.INVALID, (b, at) -> insert(b, at.seed(), new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF})),
        BYTE_ORDER_MARK(Intent.EITHER, (b, at) -> concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, b)),
        /** The first key of the object is written twice: a property the schema declares, set to a number first. */
        DUPLICATE_KEY(Intent.EITHER, (b, at) -> b.length < 2 || b[0] != '{' ? b
                : insert(b, 1, ascii("\"" + at.name() + "\":12,"))),
        WRAPPED_IN_ARRAY(Intent.INVALID, (b, at) -> concat(concat(ascii("["), b), ascii("]"))),
        /** Around the parser's nesting limit (1000) and past it. */
        DEEPLY_NESTED(Intent.INVALID, (b, at) -> {
            int depth = 990 + at.seed() % 2_000;
            return concat(concat(ascii("[".repeat(depth)), b), ascii("]".repeat(depth)));
        });

        final Intent intent;
        private final BiFunction<byte[], Where, byte[]> damage;

        Damage(Intent intent, BiFunction<byte[], Where, byte[]> damage) {
            this.intent = intent;
            this.damage = damage;
        }

        byte[] apply(byte[] bytes, Where where) {
            return damage.apply(bytes, where);
        }

        private static byte[] ascii(String text) {
            return text.getBytes(StandardCharsets.US_ASCII);
        }

        private static byte[] insert(byte[] bytes, int seed, byte[] inserted) {
            int at = bytes.length == 0 ? 0 : Math.floorMod(seed, bytes.length);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.write(bytes, 0, at);
            out.writeBytes(inserted);
            out.write(bytes, at, bytes.length - at);
            return out.toByteArray();
        }

        private static byte[] concat(byte[] a, byte[] b) {
            byte[] all = Arrays.copyOf(a, a.length + b.length);
            System.arraycopy(b, 0, all, a.length, b.length);
            return all;
        }
    }
}
