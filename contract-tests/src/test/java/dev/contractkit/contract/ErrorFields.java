package dev.contractkit.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The fields an error answer names, read by meaning rather than by vendor: the text values of the
 * properties that name a failing field wherever they stand (Vayu's param and params[].param, Layer's
 * errors[].meta.field, a problem's errors[].pointer, JSON:API's source.parameter).
 */
final class ErrorFields {

    private static final Set<String> NAMING = Set.of("field", "param", "parameter", "property", "pointer", "attribute");

    private ErrorFields() {
    }

    /** The fields named, in the answer's order; a JSON pointer (/address/city) read as a path (address.city). */
    static List<String> named(JsonNode error) {
        List<String> fields = new ArrayList<>();
        collect(error, fields);
        return fields;
    }

    /** Whether any text of the answer (a message, say) mentions the field, for a format that has no field of its own. */
    static boolean mentioned(JsonNode error, String field) {
        if (error.isTextual()) {
            return error.asText().contains(field);
        }
        for (JsonNode child : error) {
            if (mentioned(child, field)) {
                return true;
            }
        }
        return false;
    }

    private static void collect(JsonNode node, List<String> fields) {
        if (node.isObject()) {
            node.fields().forEachRemaining(entry -> {
                if (NAMING.contains(entry.getKey().toLowerCase(Locale.ROOT)) && entry.getValue().isTextual()) {
                    fields.add(asPath(entry.getValue().asText()));
                } else {
                    collect(entry.getValue(), fields);
                }
            });
        } else if (node.isArray()) {
            node.forEach(item -> collect(item, fields));
        }
    }

    private static String asPath(String text) {
        String path = text.startsWith("#/") ? text.substring(1) : text;
        return path.startsWith("/") ? path.substring(1).replace('/', '.') : path;
    }
}
