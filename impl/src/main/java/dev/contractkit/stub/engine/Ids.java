package dev.contractkit.stub.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.curiousoddman.rgxgen.RgxGen;
import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongFunction;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Ids (and other strings) that fit every constraint of their schema: its enum, type and format (uuid,
 * integer), pattern, minLength and maxLength. Without constraints an id is Vayu-like, 24 hex digits.
 * Known shapes are tried first, so a pattern a 24-hex or UUID id fits gets one; any other pattern gets a
 * string generated from it.
 */
final class Ids {

    /** The length of an id when the schema says none: 24, as Vayu's (and MongoDB's) object ids. */
    private static final int PREFERRED_LENGTH = 24;
    private static final int TRIES = 1000;

    private static final List<LongFunction<String>> CANDIDATES = List.of(
            n -> HexFormat.of().formatHex(ByteBuffer.allocate(12).putInt(0x5f000000).putLong(n).array()),
            Ids::uuid,
            n -> HexFormat.of().formatHex(ByteBuffer.allocate(16).putLong(0).putLong(n).array()),
            n -> Long.toString(n + 1),
            n -> "id" + n);

    private Ids() {
    }

    /**
     * A new id that fits the schema and that {@code taken} does not hold. Where ids are few (an integer, an
     * enum) they are handed out in order from {@code start} (the number of items already held, asked only
     * then: counting a stored scope costs a read); else from a
     * random point, so ids do not repeat across restarts.
     */
    static String fresh(JsonNode schema, java.util.function.LongSupplier start, Predicate<String> taken) {
        boolean few = isInteger(schema) || schema.path("enum").size() > 0;
        long n = few ? Math.max(0, start.getAsLong()) : ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE;
        String id = null;
        for (int i = 0; i < TRIES; i++, n = few ? n + 1 : ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE) {
            id = "uuid".equals(schema.path("format").asText()) && !few ? UUID.randomUUID().toString() : fitting(schema, n);
            if (!taken.test(id)) {
                return id;
            }
        }
        return id; // every value of a small enum is taken: the store's put then says so, as it would for any id
    }

    /** A new id that fits the schema, for an item nothing else holds yet (a seeded one). */
    static String fresh(JsonNode schema) {
        return fresh(schema, () -> 0, id -> false);
    }

    /** The n-th value of its kind that fits the schema: the same n, the same value. */
    static String fitting(JsonNode schema, long n) {
        JsonNode choices = schema.path("enum");
        if (choices.size() > 0) {
            return choices.get((int) Math.floorMod(n, (long) choices.size())).asText();
        }
        if (isInteger(schema)) {
            return Long.toString(integer(schema, n));
        }
        if ("uuid".equals(schema.path("format").asText())) {
            return uuid(n);
        }
        Pattern pattern = pattern(schema);
        String sized = sized(CANDIDATES.get(0).apply(n), schema);
        if (fits(sized, pattern, schema)) {
            return sized; // 24 hex digits, or as many as the lengths allow
        }
        for (LongFunction<String> candidate : CANDIDATES) {
            String id = candidate.apply(n);
            if (fits(id, pattern, schema)) {
                return id;
            }
        }
        if (pattern != null) {
            String generated = generated(schema, pattern, n);
            if (generated != null) {
                return generated;
            }
        }
        return sized(Long.toString(n, 36), schema);
    }

    /** Whether a value fits the schema's pattern (anywhere in it, as JSON Schema reads one) and lengths. */
    static boolean fits(String value, Pattern pattern, JsonNode schema) {
        int length = value.codePointCount(0, value.length());
        return (pattern == null || pattern.matcher(value).find())
                && length >= schema.path("minLength").asInt(0)
                && length <= schema.path("maxLength").asInt(Integer.MAX_VALUE);
    }

    /** A string the pattern generates, from a seed of n; null when none of a few fits the lengths too. */
    private static String generated(JsonNode schema, Pattern pattern, long n) {
        RgxGen generator = GENERATORS.computeIfAbsent(pattern.pattern(), Ids::generator).orElse(null);
        if (generator == null) {
            return null; // a construct the generator does not read: the caller's fallback still fits the lengths
        }
        for (int seed = 0; seed < 64; seed++) {
            String value = generator.generate(new Random(n * 64 + seed));
            if (fits(value, pattern, schema)) {
                return value;
            }
        }
        return null;
    }

    /** The value cut to the schema's maxLength (keeping its end, where a counter changes) or padded to its minLength. */
    private static String sized(String value, JsonNode schema) {
        int max = schema.path("maxLength").asInt(Integer.MAX_VALUE);
        int min = schema.path("minLength").asInt(0);
        int length = Math.max(min, Math.min(max, Math.max(value.length(), PREFERRED_LENGTH)));
        if (value.length() > length) {
            return value.substring(value.length() - length);
        }
        return value.length() < length ? "0".repeat(length - value.length()) + value : value;
    }

    /** Patterns and their generators, made once each: samples are built on every synthesized answer. */
    private static final Map<String, Optional<Pattern>> PATTERNS = new ConcurrentHashMap<>();
    private static final Map<String, Optional<RgxGen>> GENERATORS = new ConcurrentHashMap<>();

    private static Pattern pattern(JsonNode schema) {
        String pattern = schema.path("pattern").asText(null);
        return pattern == null ? null : PATTERNS.computeIfAbsent(pattern, Ids::compiled).orElse(null);
    }

    private static Optional<Pattern> compiled(String pattern) {
        try {
            return Optional.of(Pattern.compile(pattern));
        } catch (RuntimeException notJava) {
            return Optional.empty(); // an ECMA construct Java does not read: the request validator is the judge of it
        }
    }

    private static Optional<RgxGen> generator(String pattern) {
        try {
            return Optional.of(new RgxGen(pattern));
        } catch (RuntimeException unsupported) {
            return Optional.empty();
        }
    }

    static boolean isInteger(JsonNode schema) {
        String type = schema.path("type").asText();
        String format = schema.path("format").asText();
        return type.equals("integer") || type.equals("number") || format.equals("int64") || format.equals("int32");
    }

    /** The n-th integer from the schema's minimum (else 1), wrapped inside its maximum. */
    private static long integer(JsonNode schema, long n) {
        long min = schema.has("minimum") ? (long) Math.ceil(schema.get("minimum").asDouble()) : 1;
        if (schema.path("exclusiveMinimum").asBoolean(false)) {
            min++;
        }
        long max = schema.has("maximum") ? (long) Math.floor(schema.get("maximum").asDouble())
                : "int32".equals(schema.path("format").asText()) ? Integer.MAX_VALUE : Long.MAX_VALUE;
        if (schema.path("exclusiveMaximum").asBoolean(false)) {
            max--;
        }
        long span = max - min + 1;
        return span <= 0 ? min + n : min + Math.floorMod(n, span);
    }

    private static String uuid(long n) {
        return new UUID((n & ~0xF000L) | 0x4000L, (n & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L).toString();
    }
}
