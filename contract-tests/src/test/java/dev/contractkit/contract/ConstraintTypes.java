package dev.contractkit.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which JSON types a validation keyword constrains, as JSON Schema (and OpenAPI 3.0 with it) reads them: on
 * a schema of another type the keyword constrains nothing, no validator enforces it, and no value breaks it
 * ({@code type: string, maximum: 100} where a vendor meant maxLength). Such a keyword is a defect of the spec.
 */
final class ConstraintTypes {

    /** How the reason of such a keyword ends, in the defect report and in a derived case's problem. */
    static final String UNENFORCED = " (no validator enforces it)";

    private static final Set<String> NUMBERS = Set.of("integer", "number");
    private static final Map<String, Set<String>> APPLIES_TO = new LinkedHashMap<>();

    static {
        List.of("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf")
                .forEach(k -> APPLIES_TO.put(k, NUMBERS));
        List.of("minLength", "maxLength", "pattern").forEach(k -> APPLIES_TO.put(k, Set.of("string")));
        List.of("minItems", "maxItems", "uniqueItems").forEach(k -> APPLIES_TO.put(k, Set.of("array")));
        List.of("minProperties", "maxProperties").forEach(k -> APPLIES_TO.put(k, Set.of("object")));
    }

    private ConstraintTypes() {
    }

    /** Why the keyword constrains nothing on this schema, or null when it applies (or the schema names no type). */
    static String misapplied(JsonNode schema, String keyword) {
        String type = schema.path("type").asText("");
        Set<String> types = APPLIES_TO.get(keyword);
        if (type.isEmpty() || types == null || types.contains(type) || !schema.has(keyword)) {
            return null;
        }
        return keyword + " does not apply to " + (type.matches("[aeiou].*") ? "an " : "a ") + type + UNENFORCED;
    }

    /** The reasons of every keyword of the schema (not of its members) that constrains nothing on it. */
    static List<String> misapplied(JsonNode schema) {
        List<String> reasons = new ArrayList<>();
        for (String keyword : APPLIES_TO.keySet()) {
            String reason = misapplied(schema, keyword);
            if (reason != null) {
                reasons.add(reason);
            }
        }
        return reasons;
    }
}
