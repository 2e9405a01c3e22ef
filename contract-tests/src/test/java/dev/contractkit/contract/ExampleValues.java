package dev.contractkit.contract;

import com.fasterxml.jackson.databind.JsonNode;
import dev.contractkit.stub.spec.Violation;
import dev.contractkit.stub.spec.OpenApiSpec;
import dev.contractkit.stub.spec.RequestValidator;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The single {@code example} values of a spec that do not fit their own schemas, wherever they stand: on a
 * schema (at any depth of components or inline), on a parameter or a media type (beside its schema). The
 * tests never expect these values (they take an example only where it fits), but a generator, a mock or a
 * reader would, so the report lists them.
 */
final class ExampleValues {

    /** Values, not structure: never walked into (an example's own "type" field is no schema keyword). */
    private static final Set<String> VALUES = Set.of("example", "examples", "enum", "default", "const");
    private static final Set<String> SCHEMA_WORDS = Set.of("type", "properties", "items", "allOf", "anyOf", "oneOf",
            "enum", "format", "pattern", "additionalProperties");

    /** A misfit: where the example stands, and what does not fit. */
    record Misfit(String pointer, List<Violation> violations) {
    }

    private ExampleValues() {
    }

    static List<Misfit> misfits(OpenApiSpec spec) {
        List<Misfit> misfits = new ArrayList<>();
        walk(spec, spec.document(), "", misfits);
        return misfits;
    }

    private static void walk(OpenApiSpec spec, JsonNode node, String pointer, List<Misfit> misfits) {
        if (node.isObject()) {
            if (node.has("example")) {
                String schema = node.has("schema") ? pointer + "/schema"
                        : SCHEMA_WORDS.stream().anyMatch(node::has) ? pointer : null;
                if (schema != null) {
                    List<Violation> violations = RequestValidator.check(spec.schemaAt(schema), node.get("example"),
                            "example");
                    if (!violations.isEmpty()) {
                        misfits.add(new Misfit(pointer + "/example", violations));
                    }
                }
            }
            node.fields().forEachRemaining(field -> {
                boolean responseKey = pointer.endsWith("/responses"); // "default" there is a response, not a value
                if (responseKey || !VALUES.contains(field.getKey()) && !field.getKey().startsWith("x-")) {
                    walk(spec, field.getValue(), pointer + "/" + escape(field.getKey()), misfits);
                }
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(spec, node.get(i), pointer + "/" + i, misfits);
            }
        }
    }

    private static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }
}
