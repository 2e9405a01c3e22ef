package dev.contractkit.stub.error;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Whether a value the error format chose by meaning (a message, a code, a status) is one the property's
 * schema accepts: its type, enum, length, pattern, bounds and the formats a text of ours cannot meet.
 * Where it is not, the property gets a sample that fits, or is left out.
 */
final class Fits {

    /** Formats no message or code of ours has; a uri is met by "about:blank", checked below. */
    private static final Set<String> UNMET_FORMATS = Set.of("date-time", "date", "time", "uuid", "email", "byte",
            "binary", "ipv4", "ipv6", "hostname", "duration");
    private static final Pattern URI = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:.*");

    private Fits() {
    }

    static boolean fits(JsonNode schema, JsonNode value) {
        if (schema.has("enum") && !contains(schema.get("enum"), value)) {
            return false;
        }
        String type = ErrorSchemas.type(schema);
        if (value.isTextual()) {
            return (type.isEmpty() || type.equals("string")) && text(schema, value.asText());
        }
        if (value.isIntegralNumber()) {
            return (type.isEmpty() || type.equals("integer") || type.equals("number")) && number(schema, value.asLong());
        }
        if (value.isBoolean()) {
            return type.isEmpty() || type.equals("boolean");
        }
        return true;
    }

    private static boolean text(JsonNode schema, String text) {
        String format = schema.path("format").asText("");
        if (UNMET_FORMATS.contains(format) || (format.startsWith("ur") && !URI.matcher(text).matches())) {
            return false;
        }
        if (text.length() < schema.path("minLength").asInt(0) || text.length() > schema.path("maxLength").asInt(Integer.MAX_VALUE)) {
            return false;
        }
        if (schema.has("pattern")) {
            try {
                return Pattern.compile(schema.get("pattern").asText()).matcher(text).find();
            } catch (PatternSyntaxException e) {
                return false;
            }
        }
        return true;
    }

    private static boolean number(JsonNode schema, long value) {
        if (schema.has("minimum") && (value < schema.get("minimum").asDouble()
                || (schema.path("exclusiveMinimum").asBoolean(false) && value == schema.get("minimum").asDouble()))) {
            return false;
        }
        if (schema.has("maximum") && (value > schema.get("maximum").asDouble()
                || (schema.path("exclusiveMaximum").asBoolean(false) && value == schema.get("maximum").asDouble()))) {
            return false;
        }
        return !(schema.path("exclusiveMinimum").isNumber() && value <= schema.get("exclusiveMinimum").asDouble())
                && !(schema.path("exclusiveMaximum").isNumber() && value >= schema.get("exclusiveMaximum").asDouble());
    }

    private static boolean contains(JsonNode values, JsonNode value) {
        for (JsonNode v : values) {
            if (v.equals(value) || (v.isNumber() && value.isNumber() && v.asDouble() == value.asDouble())) {
                return true;
            }
        }
        return false;
    }
}
