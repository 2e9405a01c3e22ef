package dev.contractkit.stub.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.util.List;

/** Query values are text; this reads them as the JSON their parameter's schema describes. */
public final class QueryValues {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private QueryValues() {
    }

    /**
     * The values as JSON of the schema's type: an array for an array schema (repeated or comma-separated),
     * else the first value as a number or boolean where it reads as one, else as text (which then fails the
     * schema's type check, naming the parameter).
     */
    public static JsonNode typed(JsonNode schema, List<String> values) {
        if ("array".equals(schema.path("type").asText())) {
            ArrayNode array = JSON.arrayNode();
            for (String value : values) {
                for (String part : value.split(",", -1)) {
                    array.add(scalar(schema.path("items").path("type").asText(), part));
                }
            }
            return array;
        }
        return scalar(schema.path("type").asText(), values.get(0));
    }

    private static JsonNode scalar(String type, String value) {
        try {
            return switch (type) {
                case "integer" -> value.matches("-?\\d{1,18}") ? JSON.numberNode(Long.parseLong(value)) : TextNode.valueOf(value);
                case "number" -> JSON.numberNode(new BigDecimal(value));
                case "boolean" -> "true".equals(value) || "false".equals(value)
                        ? JSON.booleanNode(Boolean.parseBoolean(value)) : TextNode.valueOf(value);
                default -> TextNode.valueOf(value);
            };
        } catch (NumberFormatException e) {
            return TextNode.valueOf(value);
        }
    }
}
