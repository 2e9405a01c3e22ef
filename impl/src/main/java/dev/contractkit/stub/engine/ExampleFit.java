package dev.contractkit.stub.engine;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Whether a vendor's documented value (a schema's example or default, a media type's example) fits the
 * schema it documents, before the stub answers it: vendors' files carry examples that do not (a JSON text
 * quoted as a string where the schema is an object, a UUID one group short), and an answer built from one
 * would not fit the spec. Checks type, enum, the formats a reader parses (uuid, date, date-time), length,
 * pattern, bounds, required members and, inside, every member and element the schema declares.
 */
final class ExampleFit {

    private static final int MAX_DEPTH = 12;

    private final Schemas schemas;

    ExampleFit(Schemas schemas) {
        this.schemas = schemas;
    }

    boolean fits(JsonNode schema, JsonNode value) {
        return fits(schema, value, 0);
    }

    private boolean fits(JsonNode raw, JsonNode value, int depth) {
        JsonNode schema = schemas.resolve(raw);
        if (value.isNull()) {
            return schema.path("nullable").asBoolean(false) || schema.path("type").isMissingNode() && !schema.has("properties");
        }
        if (depth > MAX_DEPTH) {
            return true;
        }
        if (schema.has("enum") && !contains(schema.get("enum"), value)) {
            return false;
        }
        for (String choice : new String[] {"oneOf", "anyOf"}) {
            if (schema.path(choice).size() > 0) {
                boolean any = false;
                for (JsonNode option : schema.get(choice)) {
                    any |= fits(option, value, depth + 1);
                }
                return any;
            }
        }
        String type = schema.path("type").asText(schema.has("properties") ? "object" : "");
        return switch (type) {
            case "object" -> value.isObject() && object(schema, value, depth);
            case "array" -> value.isArray() && array(schema, value, depth);
            case "string" -> value.isTextual() && text(schema, value.asText());
            case "integer" -> value.isIntegralNumber() && number(schema, value.asDouble());
            case "number" -> value.isNumber() && number(schema, value.asDouble());
            case "boolean" -> value.isBoolean();
            default -> true;
        };
    }

    private boolean object(JsonNode schema, JsonNode value, int depth) {
        for (JsonNode required : schema.path("required")) {
            if (!value.has(required.asText())) {
                return false;
            }
        }
        for (var properties = schema.path("properties").fields(); properties.hasNext(); ) {
            var property = properties.next();
            if (value.has(property.getKey()) && !fits(property.getValue(), value.get(property.getKey()), depth + 1)) {
                return false;
            }
        }
        return true;
    }

    private boolean array(JsonNode schema, JsonNode value, int depth) {
        if (value.size() < schema.path("minItems").asInt(0) || value.size() > schema.path("maxItems").asInt(Integer.MAX_VALUE)) {
            return false;
        }
        for (JsonNode element : value) {
            if (schema.has("items") && !fits(schema.get("items"), element, depth + 1)) {
                return false;
            }
        }
        return true;
    }

    private static boolean text(JsonNode schema, String text) {
        if (text.length() < schema.path("minLength").asInt(0) || text.length() > schema.path("maxLength").asInt(Integer.MAX_VALUE)) {
            return false;
        }
        if (!format(schema.path("format").asText(""), text)) {
            return false;
        }
        if (schema.has("pattern")) {
            try {
                return Pattern.compile(schema.get("pattern").asText()).matcher(text).find();
            } catch (PatternSyntaxException e) {
                return true; // a pattern Java cannot read says nothing against the value
            }
        }
        return true;
    }

    private static boolean format(String format, String text) {
        try {
            switch (format) {
                case "uuid" -> {
                    return text.length() == 36 && UUID.fromString(text).toString().equalsIgnoreCase(text);
                }
                case "date" -> LocalDate.parse(text);
                case "date-time" -> OffsetDateTime.parse(text);
                default -> {
                    return true;
                }
            }
            return true;
        } catch (IllegalArgumentException | DateTimeParseException e) {
            return false;
        }
    }

    private static boolean number(JsonNode schema, double value) {
        boolean exclusiveMin = schema.path("exclusiveMinimum").asBoolean(false);
        boolean exclusiveMax = schema.path("exclusiveMaximum").asBoolean(false);
        if (schema.has("minimum") && (exclusiveMin ? value <= schema.get("minimum").asDouble() : value < schema.get("minimum").asDouble())) {
            return false;
        }
        return !schema.has("maximum") || (exclusiveMax ? value < schema.get("maximum").asDouble() : value <= schema.get("maximum").asDouble());
    }

    private static boolean contains(JsonNode values, JsonNode value) {
        for (JsonNode v : values) {
            if (v.equals(value) || v.isNumber() && value.isNumber() && v.asDouble() == value.asDouble()) {
                return true;
            }
        }
        return false;
    }
}
