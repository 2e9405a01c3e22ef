package dev.contractkit.stub.support;

import static dev.contractkit.stub.support.SpecSchemas.closed;
import static dev.contractkit.stub.support.SpecSchemas.enumValues;
import static dev.contractkit.stub.support.SpecSchemas.nullable;
import static dev.contractkit.stub.support.SpecSchemas.required;
import static dev.contractkit.stub.support.SpecSchemas.type;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The fuzz's own judge of a body against an OpenAPI 3.0 schema, written apart from the stub's validator (networknt)
 * so that a check the stub loses is not lost in the verdict too. It knows exactly the keywords {@link SpecSchemas}
 * lets through, which fail loudly if a spec uses another: type, nullable (null is valid only where nullable, an
 * enum's included), enum, minLength/maxLength (in code points), pattern (found anywhere, as ECMA-262 does) and
 * the formats the generators know, items, minItems/maxItems, properties, required and additionalProperties.
 */
public final class SpecJudge {

    private final SpecSchemas schemas;

    public SpecJudge(SpecSchemas schemas) {
        this.schemas = schemas;
    }

    /** Where and why the value breaks the schema: "contacts[0].email: not an email"; empty when it fits. */
    public List<String> violations(JsonNode schema, JsonNode value) {
        List<String> out = new ArrayList<>();
        check(schemas.resolve(schema), value, "", out);
        return out;
    }

    private void check(JsonNode schema, JsonNode value, String at, List<String> out) {
        String where = at.isEmpty() ? "body" : at;
        if (value.isNull()) {
            if (!nullable(schema) && type(schema) != null) {
                out.add(where + ": null, not nullable");
            }
            return;
        }
        String type = type(schema);
        if (type != null && !hasType(value, type)) {
            out.add(where + ": a " + value.getNodeType() + ", not a " + type);
            return;
        }
        List<JsonNode> allowed = enumValues(schema);
        if (!allowed.isEmpty() && !allowed.contains(value)) {
            out.add(where + ": not one of " + allowed);
        }
        if (value.isTextual() && allowed.isEmpty() && !SchemaArbitraries.fits(schema, value.textValue())) {
            out.add(where + ": length, pattern or format");
        }
        if (value.isArray()) {
            checkArray(schema, value, at, out);
        }
        if (value.isObject()) {
            checkObject(schema, value, at, out);
        }
    }

    private void checkArray(JsonNode schema, JsonNode array, String at, List<String> out) {
        if (array.size() < schema.path("minItems").asInt(0) || array.size() > schema.path("maxItems").asInt(Integer.MAX_VALUE)) {
            out.add(at + ": " + array.size() + " items");
        }
        if (schema.has("items")) {
            JsonNode items = schemas.resolve(schema.get("items"));
            for (int i = 0; i < array.size(); i++) {
                check(items, array.get(i), at + "[" + i + "]", out);
            }
        }
    }

    private void checkObject(JsonNode schema, JsonNode object, String at, List<String> out) {
        String prefix = at.isEmpty() ? "" : at + ".";
        Map<String, JsonNode> properties = schemas.properties(schema);
        for (String name : required(schema)) {
            if (!object.has(name)) {
                out.add(prefix + name + ": required");
            }
        }
        JsonNode extra = schema.path("additionalProperties");
        object.fields().forEachRemaining(field -> {
            JsonNode declared = properties.get(field.getKey());
            if (declared != null) {
                check(declared, field.getValue(), prefix + field.getKey(), out);
            } else if (closed(schema)) {
                out.add(prefix + field.getKey() + ": not declared");
            } else if (extra.isObject()) {
                check(schemas.resolve(extra), field.getValue(), prefix + field.getKey(), out);
            }
        });
    }

    private static boolean hasType(JsonNode value, String type) {
        return switch (type) {
            case "string" -> value.isTextual();
            case "number" -> value.isNumber();
            case "integer" -> value.isNumber() && value.canConvertToExactIntegral();
            case "boolean" -> value.isBoolean();
            case "array" -> value.isArray();
            case "object" -> value.isObject();
            default -> throw new IllegalStateException("the judge does not know type " + type);
        };
    }
}
