package dev.contractkit.contract;

import com.fasterxml.jackson.databind.JsonNode;
import dev.contractkit.stub.spec.OpenApiSpec;
import dev.contractkit.stub.spec.Operation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The keywords of an operation's request schemas (its JSON body's and its parameters', at any depth, through
 * $refs) that constrain nothing on their schema's type ({@link ConstraintTypes}): the negative cases derived
 * from the request would expect a refusal no stub and no vendor gives.
 */
final class MisappliedConstraints {

    /** One such keyword: the JSON pointer of its schema, and why it constrains nothing. */
    record Found(String pointer, String reason) {
    }

    private final OpenApiSpec spec;
    private final List<Found> found = new ArrayList<>();
    private final Set<String> seen = new HashSet<>();

    private MisappliedConstraints(OpenApiSpec spec) {
        this.spec = spec;
    }

    static List<Found> of(OpenApiSpec spec, Operation operation) {
        MisappliedConstraints walk = new MisappliedConstraints(spec);
        String body = spec.resolvedPointer(operation.pointer() + "/requestBody");
        spec.document().at(body + "/content").fields().forEachRemaining(media -> {
            if (media.getKey().contains("json")) {
                walk.schema(body + "/content/" + media.getKey().replace("~", "~0").replace("/", "~1") + "/schema");
            }
        });
        String pathItem = operation.pointer().substring(0, operation.pointer().lastIndexOf('/'));
        for (String owner : List.of(pathItem, operation.pointer())) {
            JsonNode parameters = spec.document().at(owner + "/parameters");
            for (int i = 0; i < parameters.size(); i++) {
                walk.schema(spec.resolvedPointer(owner + "/parameters/" + i) + "/schema");
            }
        }
        return List.copyOf(walk.found);
    }

    private void schema(String pointer) {
        JsonNode schema = spec.document().at(pointer);
        if (schema.has("$ref") && schema.get("$ref").asText().startsWith("#")) {
            schema(schema.get("$ref").asText().substring(1)); // in 3.0 a $ref's siblings are ignored
            return;
        }
        if (!schema.isObject() || !seen.add(pointer)) {
            return;
        }
        ConstraintTypes.misapplied(schema).forEach(reason -> found.add(new Found(pointer, reason)));
        schema.path("properties").fieldNames().forEachRemaining(name ->
                schema(pointer + "/properties/" + name.replace("~", "~0").replace("/", "~1")));
        for (String inner : List.of("items", "additionalProperties", "not")) {
            if (schema.path(inner).isObject()) {
                schema(pointer + "/" + inner);
            }
        }
        for (String parts : List.of("allOf", "oneOf", "anyOf")) {
            for (int i = 0; i < schema.path(parts).size(); i++) {
                schema(pointer + "/" + parts + "/" + i);
            }
        }
    }
}
