package dev.contractkit.stub.engine;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.function.LongFunction;
import java.util.regex.Pattern;

/**
 * Ids that fit the schema of the path parameter that names them: Vayu's 24 hex digits, Layer's UUIDs.
 * Candidates are tried in order and the first one the schema's pattern and format accept is taken.
 */
final class Ids {

    private static final List<LongFunction<String>> CANDIDATES = List.of(
            n -> HexFormat.of().formatHex(ByteBuffer.allocate(12).putInt(0x5f000000).putLong(n).array()),
            n -> new UUID((n & ~0xF000L) | 0x4000L, (n & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L).toString(),
            n -> HexFormat.of().formatHex(ByteBuffer.allocate(16).putLong(0).putLong(n).array()),
            n -> Long.toString(n + 1),
            n -> "id" + n);

    private Ids() {
    }

    /** A new id, random, that fits the schema. */
    static String fresh(JsonNode schema) {
        if ("uuid".equals(schema.path("format").asText())) {
            return UUID.randomUUID().toString(); // a version-4 UUID, as Layer's are
        }
        return fitting(schema, java.util.concurrent.ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
    }

    /** The n-th id of its kind that fits the schema (a string with this pattern or format). */
    static String fitting(JsonNode schema, long n) {
        if ("uuid".equals(schema.path("format").asText())) {
            return CANDIDATES.get(1).apply(n);
        }
        String pattern = schema.path("pattern").asText(null);
        if (pattern == null) {
            return CANDIDATES.get(0).apply(n);
        }
        Pattern compiled = Pattern.compile(pattern);
        for (LongFunction<String> candidate : CANDIDATES) {
            String id = candidate.apply(n);
            if (compiled.matcher(id).find()) {
                return id;
            }
        }
        return CANDIDATES.get(0).apply(n);
    }
}
