package dev.contractkit.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.contractkit.stub.spec.QueryValues;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Negative cases derived from the schemas of an OpenAPI 3.0 document: for each constraint at each place of a
 * request body (or of a path parameter), a value that breaks that constraint and no other, set into a
 * minimal valid body. Nothing is known here about any vendor: a new constraint in a spec yields a new case.
 */
final class ConstraintBreaker {

    /**
     * One case: the keyword broken, the field it is at (a.b[0].c; "body" for the whole body), the schema that
     * declares it, and what to send; or, when no value breaks only that keyword, why (the case then fails).
     */
    record Case(String kind, String field, String declaredIn, JsonNode value, String problem) {
    }

    /** A schema with its $refs followed and its allOf merged, and the name of the schema it was found in. */
    private record Resolved(ObjectNode schema, String owner) {
    }

    /** The keywords checked on a single value, in the order their cases are made. */
    private static final List<String> VALUE_KEYWORDS =
            List.of("type", "nullable", "enum", "pattern", "format", "minLength", "maxLength", "minimum", "maximum");

    /** The formats this class can check, and a valid value of each. */
    private static final Map<String, Predicate<String>> FORMATS = Map.of(
            "uuid", Pattern.compile("^[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}$").asMatchPredicate(),
            "date-time", text -> parses(() -> OffsetDateTime.parse(text)),
            "date", text -> parses(() -> LocalDate.parse(text)));
    private static final Map<String, String> FORMAT_SAMPLES = Map.of(
            "uuid", "00000000-0000-4000-8000-000000000000", "date-time", "2026-01-01T00:00:00Z", "date", "2026-01-01");

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** A value of each JSON type but null: a type case takes the first one the schema's type refuses. */
    private static final List<JsonNode> ONE_OF_EACH_TYPE = List.of(NODES.textNode("x"), NODES.numberNode(1),
            NODES.booleanNode(true), NODES.objectNode(), NODES.arrayNode());
    private static final int MAX_DEPTH = 16;

    private final JsonNode document;

    ConstraintBreaker(JsonNode document) {
        this.document = document;
    }

    /** The cases of a request body schema, each value a whole body. */
    List<Case> bodyCases(JsonNode schema) {
        List<Case> cases = new ArrayList<>();
        walk(schema, "", "requestBody", UnaryOperator.identity(), cases, 0);
        return cases;
    }

    /** The cases of a path parameter's schema; only text ones, since a path carries nothing else. */
    List<Case> parameterCases(String name, JsonNode schema) {
        return parameterCases(name, schema, "path parameter", JsonNode::isTextual);
    }

    private List<Case> parameterCases(String name, JsonNode schema, String owner, Predicate<JsonNode> sendable) {
        List<Case> cases = new ArrayList<>();
        valueCases(resolve(schema, owner), name, UnaryOperator.identity(), cases);
        cases.removeIf(c -> c.value() != null && !sendable.test(c.value()));
        return cases;
    }

    /** A property's schema in an object schema ($refs followed, allOf merged), or a missing node. */
    JsonNode property(JsonNode objectSchema, String name) {
        return resolve(objectSchema, "").schema().path("properties").path(name);
    }

    /**
     * The cases of a query parameter's schema. A query value travels as text and is read back as its schema's
     * type, so a case is kept only when its text, read back so, still breaks that keyword alone (no null in a
     * query); a required parameter left out is a case of its own.
     */
    List<Case> queryCases(String name, JsonNode schema, boolean required) {
        return textCases(name, schema, required, "query parameter");
    }

    /** The cases of a header parameter's schema: as a query parameter's, its value text read back as its type. */
    List<Case> headerCases(String name, JsonNode schema, boolean required) {
        return textCases(name, schema, required, "header parameter");
    }

    private List<Case> textCases(String name, JsonNode schema, boolean required, String owner) {
        List<Case> cases = new ArrayList<>();
        ObjectNode resolved = resolve(schema, owner).schema();
        for (Case c : parameterCases(name, schema, owner, value -> true)) {
            if (c.value() == null) {
                cases.add(c);
                continue;
            }
            JsonNode read = QueryValues.typed(resolved, List.of(c.value().asText()));
            if (!c.kind().equals("nullable") && failures(resolved, read).equals(Set.of(c.kind()))) {
                cases.add(new Case(c.kind(), name, c.declaredIn(), text(c.value().asText()), null));
            }
        }
        if (required) {
            cases.add(new Case("required", name, owner, null, null));
        }
        return cases;
    }

    /** The smallest valid value: required properties only, minItems items, the first fitting scalar. */
    JsonNode minimal(JsonNode raw) {
        ObjectNode schema = resolve(raw, "").schema();
        for (String choice : List.of("oneOf", "anyOf")) {
            if (!schema.has("type") && schema.path(choice).size() > 0) {
                // the first alternative: vendors tell theirs apart by a one-value enum (Vayu's pricing "type")
                return minimal(schema.get(choice).get(0));
            }
        }
        switch (type(schema)) {
            case "object" -> {
                ObjectNode object = NODES.objectNode();
                schema.path("required").forEach(name ->
                        object.set(name.asText(), minimal(schema.path("properties").path(name.asText()))));
                return object;
            }
            case "array" -> {
                return items(schema.path("items"), schema.path("minItems").asInt(0));
            }
            default -> {
                int minLength = Math.max(1, schema.path("minLength").asInt(0));
                return Stream.of(schema.get("example"), schema.get("default"), schema.path("enum").get(0),
                                text(FORMAT_SAMPLES.get(schema.path("format").asText())),
                                text(schema.has("pattern") ? PatternSamples.fitting(schema.get("pattern").asText(),
                                        sample -> failures(schema, text(sample)).isEmpty()) : null),
                                text("a".repeat(minLength)),
                                schema.has("minimum") ? schema.get("minimum") : NODES.numberNode(0),
                                NODES.booleanNode(false))
                        .filter(Objects::nonNull)
                        .filter(value -> failures(schema, value).isEmpty())
                        .findFirst()
                        .orElseThrow(() -> new IllegalStateException("no valid value derived for " + schema
                                + "; give the schema an example"));
            }
        }
    }

    private void walk(JsonNode raw, String path, String owner, UnaryOperator<JsonNode> embed, List<Case> cases,
            int depth) {
        if (depth > MAX_DEPTH) {
            return; // a recursive schema: deep enough
        }
        Resolved resolved = resolve(raw, owner);
        valueCases(resolved, path.isEmpty() ? "body" : path, embed, cases);
        switch (type(resolved.schema())) {
            case "object" -> objectCases(resolved, path, embed, cases, depth);
            case "array" -> arrayCases(resolved, path, embed, cases, depth);
            default -> { }
        }
    }

    /** Each property walked inside a minimal object; each required one left out; an unknown one added. */
    private void objectCases(Resolved resolved, String path, UnaryOperator<JsonNode> embed, List<Case> cases,
            int depth) {
        ObjectNode schema = resolved.schema();
        ObjectNode base = (ObjectNode) minimal(schema);
        schema.path("properties").fields().forEachRemaining(property -> walk(property.getValue(),
                child(path, property.getKey()), resolved.owner(),
                value -> embed.apply(base.deepCopy().set(property.getKey(), value)), cases, depth + 1));
        for (JsonNode required : schema.path("required")) {
            ObjectNode without = base.deepCopy();
            without.remove(required.asText());
            cases.add(new Case("required", child(path, required.asText()), resolved.owner(), embed.apply(without),
                    null));
        }
        if (schema.path("additionalProperties").isBoolean() && !schema.get("additionalProperties").asBoolean()) {
            String unknown = "unknownProperty";
            while (schema.path("properties").has(unknown)) {
                unknown += "X";
            }
            cases.add(new Case("additionalProperties", child(path, unknown), resolved.owner(),
                    embed.apply(base.deepCopy().put(unknown, "x")), null));
        }
    }

    /** The items walked as the first of a minimal array; too few and too many items. */
    private void arrayCases(Resolved resolved, String path, UnaryOperator<JsonNode> embed, List<Case> cases,
            int depth) {
        ObjectNode schema = resolved.schema();
        JsonNode items = schema.path("items");
        int minItems = schema.path("minItems").asInt(0);
        walk(items, path + "[0]", resolved.owner(), value -> {
            ArrayNode array = items(items, Math.max(1, minItems));
            array.set(0, value);
            return embed.apply(array);
        }, cases, depth + 1);
        if (minItems > 0) {
            cases.add(new Case("minItems", path, resolved.owner(), embed.apply(items(items, minItems - 1)), null));
        }
        if (schema.has("maxItems")) {
            cases.add(new Case("maxItems", path, resolved.owner(),
                    embed.apply(items(items, schema.get("maxItems").asInt() + 1)), null));
        }
    }

    /** A case for each keyword of a single value: the first candidate that fails it and nothing else. */
    private void valueCases(Resolved resolved, String field, UnaryOperator<JsonNode> embed, List<Case> cases) {
        ObjectNode schema = resolved.schema();
        for (String keyword : VALUE_KEYWORDS) {
            String misapplied = ConstraintTypes.misapplied(schema, keyword);
            if (misapplied != null) { // no value breaks it: the spec's defect, reported by SpecDefectFinder
                cases.add(new Case(keyword, field, resolved.owner(), null, misapplied));
            } else if (applies(schema, keyword)) {
                cases.add(candidates(schema, keyword).stream()
                        .filter(value -> failures(schema, value).equals(Set.of(keyword)))
                        .findFirst()
                        .map(value -> new Case(keyword, field, resolved.owner(), embed.apply(value), null))
                        .orElseGet(() -> new Case(keyword, field, resolved.owner(), null,
                                "no value derived that breaks only " + keyword + " of " + schema)));
            }
        }
    }

    private static boolean applies(ObjectNode schema, String keyword) {
        return switch (keyword) {
            case "type" -> schema.has("type");
            case "nullable" -> schema.has("type") && !nullable(schema);
            case "format" -> FORMATS.containsKey(schema.path("format").asText());
            case "minLength" -> schema.path("minLength").asInt(0) > 0;
            default -> schema.has(keyword);
        };
    }

    /** Values likely to break a keyword; {@link #failures} picks the one that breaks it alone. */
    private static List<JsonNode> candidates(ObjectNode schema, String keyword) {
        int minLength = Math.max(1, schema.path("minLength").asInt(0));
        int maxLength = schema.path("maxLength").asInt(0);
        return switch (keyword) {
            case "type" -> ONE_OF_EACH_TYPE;
            case "nullable" -> List.of(NODES.nullNode());
            case "enum" -> outside(schema.get("enum"));
            case "pattern" -> List.of(text("!".repeat(minLength)), text("x".repeat(minLength)), text(""));
            case "format" -> List.of(text("not-a-" + schema.get("format").asText()));
            case "minLength" -> List.of(text("a".repeat(minLength - 1)), text("1".repeat(minLength - 1)));
            case "maxLength" -> List.of(text("a".repeat(maxLength + 1)), text("1".repeat(maxLength + 1)));
            case "minimum" -> List.of(number(schema.get("minimum").decimalValue().subtract(BigDecimal.ONE)));
            case "maximum" -> List.of(number(schema.get("maximum").decimalValue().add(BigDecimal.ONE)));
            default -> throw new IllegalArgumentException(keyword);
        };
    }

    /** Values of an enum's type that it does not list: the first value in other case, a number above all. */
    private static List<JsonNode> outside(JsonNode enumeration) {
        List<JsonNode> values = new ArrayList<>(List.of(NODES.booleanNode(true), NODES.booleanNode(false)));
        BigDecimal above = BigDecimal.ONE;
        for (JsonNode value : enumeration) {
            if (value.isTextual()) {
                values.add(text(value.asText().toLowerCase(Locale.ROOT)));
                values.add(text(value.asText().toUpperCase(Locale.ROOT)));
                values.add(text(value.asText() + "x"));
            }
            above = value.isNumber() ? above.add(value.decimalValue().abs()) : above;
        }
        values.add(number(above));
        return values;
    }

    /** The keywords of a schema that a single value fails (a wrong type or a null hides the others). */
    static Set<String> failures(ObjectNode schema, JsonNode value) {
        Set<String> failed = new TreeSet<>();
        if (value.isNull()) {
            if (schema.has("type") && !nullable(schema)) {
                failed.add("nullable");
            }
            return failed;
        }
        if (!hasType(schema.path("type").asText(""), value)) {
            failed.add("type");
            return failed;
        }
        if (schema.has("enum") && !contains(schema.get("enum"), value)) {
            failed.add("enum");
        }
        if (value.isTextual()) {
            String text = value.asText();
            int length = text.codePointCount(0, text.length());
            if (schema.has("pattern") && !Pattern.compile(schema.get("pattern").asText()).matcher(text).find()) {
                failed.add("pattern");
            }
            if (!FORMATS.getOrDefault(schema.path("format").asText(), any -> true).test(text)) {
                failed.add("format");
            }
            if (length < schema.path("minLength").asInt(0)) {
                failed.add("minLength");
            }
            if (schema.has("maxLength") && length > schema.get("maxLength").asInt()) {
                failed.add("maxLength");
            }
        }
        if (value.isNumber()) {
            int belowMinimum = schema.has("minimum") ? compare(value, schema.get("minimum")) : 1;
            int aboveMaximum = schema.has("maximum") ? compare(value, schema.get("maximum")) : -1;
            if (belowMinimum < 0 || belowMinimum == 0 && schema.path("exclusiveMinimum").asBoolean(false)) {
                failed.add("minimum");
            }
            if (aboveMaximum > 0 || aboveMaximum == 0 && schema.path("exclusiveMaximum").asBoolean(false)) {
                failed.add("maximum");
            }
        }
        return failed;
    }

    /** Follows $refs within the document and merges allOf; the owner becomes the last schema named by a $ref. */
    private Resolved resolve(JsonNode raw, String owner) {
        JsonNode schema = raw;
        while (schema.has("$ref")) {
            String ref = schema.get("$ref").asText();
            if (!ref.startsWith("#/")) {
                throw new IllegalStateException("only references within the document are followed: " + ref);
            }
            owner = ref.substring(ref.lastIndexOf('/') + 1);
            schema = document.at(ref.substring(1));
        }
        ObjectNode merged = schema.isObject() ? ((ObjectNode) schema).deepCopy() : NODES.objectNode();
        JsonNode allOf = merged.remove("allOf");
        if (allOf != null) {
            for (JsonNode part : allOf) {
                ObjectNode resolvedPart = resolve(part, owner).schema();
                resolvedPart.fields().forEachRemaining(keyword -> merge(merged, keyword.getKey(), keyword.getValue()));
            }
        }
        return new Resolved(merged, owner);
    }

    /** allOf: properties and required lists are joined; any other keyword is kept from where it came first. */
    private static void merge(ObjectNode into, String keyword, JsonNode value) {
        JsonNode present = into.get(keyword);
        if (present == null) {
            into.set(keyword, value.deepCopy());
        } else if (keyword.equals("properties")) {
            ((ObjectNode) present).setAll((ObjectNode) value.deepCopy());
        } else if (keyword.equals("required")) {
            ((ArrayNode) present).addAll((ArrayNode) value.deepCopy());
        }
    }

    private ArrayNode items(JsonNode items, int count) {
        ArrayNode array = NODES.arrayNode();
        for (int i = 0; i < count; i++) {
            array.add(minimal(items));
        }
        return array;
    }

    private static String type(ObjectNode schema) {
        if (schema.has("type")) {
            return schema.get("type").asText();
        }
        return schema.has("properties") || schema.has("required") || schema.has("additionalProperties") ? "object"
                : schema.has("items") ? "array" : "";
    }

    private static boolean hasType(String type, JsonNode value) {
        return switch (type) {
            case "string" -> value.isTextual();
            case "number" -> value.isNumber();
            case "integer" -> value.isIntegralNumber()
                    || value.isNumber() && value.decimalValue().stripTrailingZeros().scale() <= 0;
            case "boolean" -> value.isBoolean();
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            default -> true;
        };
    }

    private static boolean nullable(JsonNode schema) {
        return schema.path("nullable").asBoolean(false);
    }

    private static boolean contains(JsonNode enumeration, JsonNode value) {
        for (JsonNode listed : enumeration) {
            if (listed.equals(value) || listed.isNumber() && value.isNumber()
                    && listed.decimalValue().compareTo(value.decimalValue()) == 0) {
                return true;
            }
        }
        return false;
    }

    private static int compare(JsonNode number, JsonNode bound) {
        return number.decimalValue().compareTo(bound.decimalValue());
    }

    private static String child(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    private static JsonNode text(String text) {
        return text == null ? null : NODES.textNode(text);
    }

    private static JsonNode number(BigDecimal number) {
        BigDecimal plain = number.stripTrailingZeros();
        return plain.scale() <= 0 ? NODES.numberNode(plain.toBigIntegerExact()) : NODES.numberNode(plain);
    }

    private static boolean parses(Runnable parse) {
        try {
            parse.run();
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
