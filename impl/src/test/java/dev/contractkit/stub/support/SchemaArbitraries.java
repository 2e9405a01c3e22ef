package dev.contractkit.stub.support;

import static dev.contractkit.stub.support.SpecSchemas.closed;
import static dev.contractkit.stub.support.SpecSchemas.enumValues;
import static dev.contractkit.stub.support.SpecSchemas.nullable;
import static dev.contractkit.stub.support.SpecSchemas.required;
import static dev.contractkit.stub.support.SpecSchemas.type;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.contractkit.stub.spec.Json;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * jqwik arbitraries drawn from a spec's schemas, with no field named: {@link #valid} values of a schema (types,
 * enums, nullable nulls, arrays, nested objects with their required properties, unknown properties where the
 * schema allows them) and {@link #invalid} ones, broken in exactly one place that the result names.
 */
public final class SchemaArbitraries {

    /** A value that breaks its schema at {@code path} (empty: the value itself) for {@code reason}. */
    public record Broken(JsonNode value, String path, String reason) {

        Broken under(String parent) {
            return new Broken(value, parent + (path.isEmpty() || path.startsWith("[") ? path : "." + path), reason);
        }

        @Override
        public String toString() {
            return (path.isEmpty() ? "body" : path) + ": " + reason;
        }
    }

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** The stubs' own number handling: big and exact decimals kept as written. */
    private static final ObjectMapper EXACT = Json.mapper(JsonInclude.Include.ALWAYS);

    /** Values of common string shapes, offered to patterned or formatted strings: those that fit are used. */
    private static final List<String> KNOWN_SHAPES = List.of("ada@example.com", "john.doe+billing@mail.example.co.uk",
            "x@y.io", "+15555550100", "15555550100", "+442071838750", "5f1d7c2b9a3e4b5c6d7e8f90",
            "4f7c1b16-e057-4ec0-8b20-50308ba5b9ea", "2026-01-05T10:00:00Z", "2026-01-05", "https://example.com/a",
            "US", "85001", "not-an-email", "555-555-5555", ".dot@start.example.com", "a@b", "+0123", "");

    /** Strings that break parsers, encoders and storage more often than random ones do. */
    private static final List<String> ODD_STRINGS = List.of("", " ", "\u0000", "\r\n\t", "\u2028\u2029", "\ufeff",
            "😀👍🏽", "\ud83d", "\ude00 lone low surrogate", "null", "{\"a\":1}", "[]", "\\", "\"", "' OR '1'='1",
            "<script>alert(1)</script>", "%s%n", "${jndi:x}", "x".repeat(5_000), "ä€😀".repeat(1_000));

    private static final Arbitrary<String> TEXT = Arbitraries.frequencyOf(
            Tuple.of(6, Arbitraries.strings().alpha().numeric().withChars(" -_.,'&@+").ofMaxLength(24)),
            Tuple.of(2, Arbitraries.strings().withCharRange('\u0000', '\u07ff').withCharRange('\u4e00', '\u4e40')
                    .withChars("\u2028\u2029\ufeff\"\\/").ofMaxLength(24)),
            Tuple.of(1, Arbitraries.of(ODD_STRINGS)));

    /**
     * Property names: any text but lone surrogates, which Jackson takes in a value but refuses in a name (400),
     * so a name with one would make a valid-looking body unparseable.
     */
    private static final Arbitrary<String> NAMES = TEXT.filter(SchemaArbitraries::wellFormed);

    private static final List<String> ODD_NUMBERS = List.of("0", "-0", "0.0", "-0.0", "1e308", "1E+400", "-1e-400",
            "4.9E-324", "123456789012345678901234567890", "-9223372036854775809", "0.1", "1.0e2", "9".repeat(999));

    private static final Arbitrary<JsonNode> NUMBERS = Arbitraries.frequencyOf(
            Tuple.of(3, Arbitraries.integers().map(NODES::numberNode)),
            Tuple.of(1, Arbitraries.longs().map(NODES::numberNode)),
            Tuple.of(3, Arbitraries.bigDecimals().between(BigDecimal.valueOf(-1e9), BigDecimal.valueOf(1e9))
                    .ofScale(4).map(NODES::numberNode)),
            Tuple.of(1, Arbitraries.of(ODD_NUMBERS).map(SchemaArbitraries::exactNumber)));

    /** Nesting depths: modest ones, and ones around the JSON parser's limit (1000) on either side. */
    private static final Arbitrary<Integer> DEEP = Arbitraries.oneOf(Arbitraries.integers().between(1, 50),
            Arbitraries.integers().between(990, 1005));

    private final SpecSchemas schemas;

    public SchemaArbitraries(SpecSchemas schemas) {
        this.schemas = schemas;
    }

    /** Values the schema accepts; null when none can be made (a pattern no known shape fits, required). */
    public Arbitrary<JsonNode> valid(JsonNode schema) {
        Arbitrary<JsonNode> value = present(schema);
        if (!nullable(schema)) {
            return value;
        }
        Arbitrary<JsonNode> nothing = Arbitraries.just(NODES.nullNode());
        return value == null ? nothing : Arbitraries.frequencyOf(Tuple.of(1, nothing), Tuple.of(5, value));
    }

    /** Values the schema refuses, each broken in one place; null when the schema takes any value at all. */
    public Arbitrary<Broken> invalid(JsonNode schema) {
        List<Arbitrary<Broken>> ways = new ArrayList<>();
        String type = type(schema);
        if (type != null) {
            ways.add(anyJson(1).filter(v -> !v.isNull() && !hasType(v, type))
                    .map(v -> new Broken(v, "", "a " + v.getNodeType().name().toLowerCase(Locale.ROOT)
                            + " where the spec wants a " + type)));
            if (!nullable(schema)) {
                ways.add(Arbitraries.just(new Broken(NODES.nullNode(), "", "null, and the spec says not nullable")));
            }
        }
        List<JsonNode> enumValues = enumValues(schema);
        if (!enumValues.isEmpty()) {
            ways.add(unknownEnumValues(enumValues));
        } else if ("string".equals(type)) {
            ways.addAll(brokenStrings(schema));
        }
        if ("array".equals(type)) {
            ways.addAll(brokenArrays(schema));
        }
        if ("object".equals(type)) {
            ways.addAll(brokenObjects(schema));
        }
        return ways.isEmpty() ? null : Arbitraries.oneOf(ways);
    }

    /** Any JSON value, nested up to {@code depth} levels, now and then a deeply nested array. */
    public Arbitrary<JsonNode> anyJson(int depth) {
        Arbitrary<JsonNode> leaf = Arbitraries.oneOf(TEXT.map(NODES::textNode), NUMBERS,
                Arbitraries.of(NODES.booleanNode(true), NODES.booleanNode(false), NODES.nullNode()));
        if (depth == 0) {
            return leaf;
        }
        Arbitrary<JsonNode> inner = Arbitraries.lazy(() -> anyJson(depth - 1));
        return Arbitraries.frequencyOf(Tuple.of(8, leaf),
                Tuple.of(2, inner.list().ofMaxSize(3).map(SchemaArbitraries::array)),
                Tuple.of(2, Arbitraries.maps(NAMES, inner).ofMaxSize(3).map(SchemaArbitraries::object)),
                Tuple.of(1, DEEP.map(SchemaArbitraries::nestedArrays)));
    }

    private Arbitrary<JsonNode> present(JsonNode schema) {
        List<JsonNode> enumValues = enumValues(schema);
        if (!enumValues.isEmpty()) {
            return Arbitraries.of(enumValues);
        }
        String type = type(schema);
        if (type == null) {
            return anyJson(2);
        }
        return switch (type) {
            case "string" -> strings(schema);
            case "number" -> NUMBERS;
            case "integer" -> Arbitraries.oneOf(Arbitraries.integers().map(NODES::numberNode),
                    Arbitraries.bigIntegers().between(BigInteger.TEN.pow(30).negate(), BigInteger.TEN.pow(30))
                            .map(NODES::numberNode));
            case "boolean" -> Arbitraries.of(NODES.booleanNode(true), NODES.booleanNode(false));
            case "array" -> arrays(schema);
            case "object" -> objects(schema);
            default -> throw new IllegalStateException("unknown schema type " + type + " in " + schema);
        };
    }

    private Arbitrary<JsonNode> strings(JsonNode schema) {
        if (constrainsShape(schema)) {
            List<JsonNode> fitting = KNOWN_SHAPES.stream().filter(s -> fits(schema, s)).map(NODES::textNode)
                    .map(JsonNode.class::cast).toList();
            return fitting.isEmpty() ? null : Arbitraries.of(fitting);
        }
        int min = schema.path("minLength").asInt(0);
        int max = schema.path("maxLength").asInt(Integer.MAX_VALUE);
        return TEXT.map(s -> NODES.textNode(withLength(s, min, max)));
    }

    private Arbitrary<JsonNode> arrays(JsonNode schema) {
        int min = schema.path("minItems").asInt(0);
        int max = schema.path("maxItems").asInt(min + 3);
        Arbitrary<JsonNode> item = valid(schemas.resolve(schema.get("items")));
        if (item == null) {
            return min > 0 ? null : Arbitraries.just(NODES.arrayNode());
        }
        return item.list().ofMinSize(min).ofMaxSize(max).map(SchemaArbitraries::array);
    }

    /** Required properties always, optional ones half the time, and an unknown one now and then where allowed. */
    private Arbitrary<JsonNode> objects(JsonNode schema) {
        var required = required(schema);
        List<Arbitrary<Optional<Map.Entry<String, JsonNode>>>> parts = new ArrayList<>();
        for (var property : schemas.properties(schema).entrySet()) {
            String name = property.getKey();
            Arbitrary<JsonNode> value = valid(property.getValue());
            if (value == null && required.contains(name)) {
                return null;
            }
            if (value != null) {
                Arbitrary<Map.Entry<String, JsonNode>> entry = value.map(v -> Map.entry(name, v));
                parts.add(required.contains(name) ? entry.map(Optional::of) : entry.optional(0.5));
            }
        }
        if (!closed(schema)) {
            JsonNode extra = schema.path("additionalProperties");
            Arbitrary<JsonNode> values = extra.isObject() ? valid(schemas.resolve(extra)) : anyJson(2);
            parts.add(Combinators.combine(unknownNames(schema), values).as(Map::entry).optional(0.15));
        }
        return Combinators.combine(parts).as(entries -> {
            ObjectNode object = NODES.objectNode();
            entries.forEach(e -> e.ifPresent(p -> object.set(p.getKey(), p.getValue())));
            return object;
        });
    }

    /** Names the schema does not declare: random ones and near misses of declared ones (legal_name, Name). */
    private Arbitrary<String> unknownNames(JsonNode schema) {
        var declared = schemas.properties(schema).keySet();
        Arbitrary<String> random = Arbitraries.oneOf(NAMES.filter(name -> !name.isEmpty()),
                Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(12).map(s -> "x" + s));
        if (declared.isEmpty()) {
            return random;
        }
        Arbitrary<String> nearMisses = Arbitraries.of(declared).flatMap(name -> Arbitraries.of(
                name.toUpperCase(Locale.ROOT), name + "_", " " + name,
                name.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT),
                Pattern.compile("_([a-z])").matcher(name).replaceAll(m -> m.group(1).toUpperCase(Locale.ROOT))));
        return Arbitraries.oneOf(random, nearMisses).filter(name -> !declared.contains(name));
    }

    private static Arbitrary<Broken> unknownEnumValues(List<JsonNode> enumValues) {
        List<String> known = enumValues.stream().map(JsonNode::asText).toList();
        return Arbitraries.of(known)
                .flatMap(v -> Arbitraries.of(v.toLowerCase(Locale.ROOT), v + "_X", " " + v, v.substring(1), ""))
                .filter(v -> !known.contains(v))
                .map(v -> new Broken(NODES.textNode(v), "", "'" + v + "' is not one of " + known));
    }

    private List<Arbitrary<Broken>> brokenStrings(JsonNode schema) {
        List<Arbitrary<Broken>> ways = new ArrayList<>();
        if (schema.has("pattern")) {
            Arbitrary<String> candidates = Arbitraries.oneOf(TEXT, Arbitraries.of(KNOWN_SHAPES));
            ways.add(candidates.filter(s -> !fits(schema, s)).map(s -> new Broken(NODES.textNode(s), "",
                    "does not match " + schema.get("pattern").asText())));
        }
        int min = schema.path("minLength").asInt(0);
        if (min > 0) {
            ways.add(TEXT.map(s -> withLength(s, 0, min - 1))
                    .map(s -> new Broken(NODES.textNode(s), "", "shorter than minLength " + min)));
        }
        if (schema.has("maxLength")) {
            int max = schema.get("maxLength").asInt();
            ways.add(TEXT.map(s -> withLength(s, max + 1, Integer.MAX_VALUE))
                    .map(s -> new Broken(NODES.textNode(s), "", "longer than maxLength " + max)));
        }
        return ways;
    }

    private List<Arbitrary<Broken>> brokenArrays(JsonNode schema) {
        JsonNode items = schemas.resolve(schema.get("items"));
        Arbitrary<JsonNode> item = valid(items);
        Arbitrary<Broken> brokenItem = invalid(items);
        if (brokenItem == null) {
            return List.of();
        }
        Arbitrary<List<JsonNode>> others = item == null ? Arbitraries.just(List.of()) : item.list().ofMaxSize(2);
        return List.of(Combinators.combine(others, brokenItem, Arbitraries.integers().between(0, 2))
                .as((list, broken, at) -> {
                    List<JsonNode> all = new ArrayList<>(list);
                    int index = Math.min(at, all.size());
                    all.add(index, broken.value());
                    return new Broken(array(all), broken.path(), broken.reason()).under("[" + index + "]");
                }));
    }

    /** A valid object but for one thing: a broken property, a missing required one, or an unknown one. */
    private List<Arbitrary<Broken>> brokenObjects(JsonNode schema) {
        Arbitrary<JsonNode> base = objects(schema);
        if (base == null) {
            return List.of();
        }
        List<Arbitrary<Broken>> ways = new ArrayList<>();
        schemas.properties(schema).forEach((name, property) -> {
            Arbitrary<Broken> broken = invalid(property);
            if (broken != null) {
                ways.add(Combinators.combine(base, broken).as((object, bad) ->
                        new Broken(with(object, name, bad.value()), bad.path(), bad.reason()).under(name)));
            }
        });
        for (String name : required(schema)) {
            ways.add(base.map(object -> new Broken(without(object, name), name, "required, and missing")));
        }
        if (closed(schema)) {
            ways.add(Combinators.combine(base, unknownNames(schema), anyJson(1)).as((object, name, value) ->
                    new Broken(with(object, name, value), name, "not declared, and the schema is closed")));
        }
        return ways;
    }

    /** Whether the string must have a shape (a pattern, or a format these generators know). */
    private static boolean constrainsShape(JsonNode schema) {
        return schema.has("pattern") || List.of("email", "uuid", "date-time", "date").contains(
                schema.path("format").asText());
    }

    /** Whether a string fits the schema's lengths, pattern and format (also the fuzz's judge's test of strings). */
    public static boolean fits(JsonNode schema, String s) {
        int length = s.codePointCount(0, s.length());
        if (length < schema.path("minLength").asInt(0) || length > schema.path("maxLength").asInt(Integer.MAX_VALUE)) {
            return false;
        }
        if (schema.has("pattern") && !Pattern.compile(schema.get("pattern").asText()).matcher(s).find()) {
            return false;
        }
        try {
            switch (schema.path("format").asText()) {
                case "email" -> {
                    // RFC 5321's dot-atom local part and a domain of dot-separated labels ending in a TLD.
                    return s.matches("[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
                            + "@([A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?\\.)+[A-Za-z]{2,}");
                }
                case "uuid" -> {
                    return s.length() == 36 && UUID.fromString(s) != null;
                }
                case "date-time" -> OffsetDateTime.parse(s);
                case "date" -> LocalDate.parse(s);
                default -> {
                }
            }
            return true;
        } catch (RuntimeException wrongShape) {
            return false;
        }
    }

    /** The string padded with 'x' or cut (between code points) to a length in [min, max] code points. */
    private static String withLength(String s, int min, int max) {
        int length = s.codePointCount(0, s.length());
        if (length < min) {
            return s + "x".repeat(min - length);
        }
        return length <= max ? s : s.substring(0, s.offsetByCodePoints(0, max));
    }

    private static boolean wellFormed(String s) {
        return java.nio.charset.StandardCharsets.UTF_8.newEncoder().canEncode(s);
    }

    private static boolean hasType(JsonNode value, String type) {
        return switch (type) {
            case "string" -> value.isTextual();
            case "number", "integer" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            case "array" -> value.isArray();
            case "object" -> value.isObject();
            default -> throw new IllegalStateException("unknown schema type " + type);
        };
    }

    private static JsonNode exactNumber(String text) {
        try {
            return EXACT.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    private static JsonNode nestedArrays(int depth) {
        ArrayNode root = NODES.arrayNode();
        ArrayNode at = root;
        for (int i = 1; i < depth; i++) {
            at = at.addArray();
        }
        return root;
    }

    private static ArrayNode array(List<JsonNode> items) {
        return NODES.arrayNode().addAll(items);
    }

    private static ObjectNode object(Map<String, JsonNode> fields) {
        ObjectNode object = NODES.objectNode();
        fields.forEach(object::set);
        return object;
    }

    /** A copy of the object with one property set; shallow, as values may nest too deep to copy recursively. */
    private static ObjectNode with(JsonNode object, String name, JsonNode value) {
        ObjectNode copy = NODES.objectNode().setAll((ObjectNode) object);
        copy.set(name, value);
        return copy;
    }

    private static ObjectNode without(JsonNode object, String name) {
        ObjectNode copy = NODES.objectNode().setAll((ObjectNode) object);
        copy.remove(name);
        return copy;
    }
}
