package dev.contractkit.stub;

import com.fasterxml.jackson.databind.JsonNode;
import dev.contractkit.stub.spec.OpenApiSpec;
import dev.contractkit.stub.spec.Operation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A vendor's spec (overlay applied) read as plain JSON schemas, for tests that generate request bodies from it
 * instead of naming fields: the request body schema of an operation, with every {@code $ref} followed.
 */
final class SpecSchemas {

    /** The schema keywords the generators understand; a spec that uses another one fails loudly, not silently. */
    private static final Set<String> KNOWN_KEYWORDS = Set.of("$ref", "type", "nullable", "enum", "pattern",
            "format", "minLength", "maxLength", "items", "minItems", "maxItems", "properties", "required",
            "additionalProperties", "description", "default", "deprecated", "example", "title");

    final Vendor vendor;
    final OpenApiSpec spec;
    final Operation operation;
    /** The operation's request body schema, resolved. */
    final JsonNode requestBody;

    private SpecSchemas(Vendor vendor, String operationId) {
        this.vendor = vendor;
        this.spec = OpenApiSpec.load(vendor.prefix());
        this.operation = spec.operations().stream().filter(o -> o.id().equals(operationId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(vendor + " has no operation " + operationId));
        String pointer = "/paths/" + operation.pathTemplate().replace("~", "~0").replace("/", "~1")
                + "/" + operation.method() + "/requestBody";
        this.requestBody = resolve(follow(spec.document().at(pointer)).at("/content/application~1json/schema"));
    }

    /** Both vendors' only operation, the update of a customer. */
    static SpecSchemas updateCustomer(Vendor vendor) {
        return new SpecSchemas(vendor, "updateCustomer");
    }

    /**
     * The alias groups of the spec's collections (x-contract-kit aliases: [[notes, memo]]): names that
     * carry one value, which a request may not send different.
     */
    List<List<String>> aliasGroups() {
        List<List<String>> groups = new ArrayList<>();
        spec.document().path("paths").forEach(item -> item.path("x-contract-kit").path("aliases").forEach(group -> {
            List<String> names = new ArrayList<>();
            group.forEach(n -> names.add(n.asText()));
            groups.add(names);
        }));
        return groups;
    }

    /** The methods the spec declares on the operation's path, as an Allow header lists them: "GET, PATCH, PUT". */
    String allowed() {
        return String.join(", ", new java.util.TreeSet<>(methodsOnPath()));
    }

    /** Methods a client might try that the spec does not declare on the operation's path. */
    List<String> notAllowed() {
        List<String> methods = new ArrayList<>(List.of("GET", "DELETE", "POST", "PATCH", "PUT"));
        methods.removeAll(methodsOnPath());
        return methods;
    }

    private Set<String> methodsOnPath() {
        Set<String> methods = new LinkedHashSet<>();
        for (Operation o : spec.operations()) {
            if (o.pathTemplate().equals(operation.pathTemplate())) {
                methods.add(o.method().toUpperCase(java.util.Locale.ROOT));
            }
        }
        return methods;
    }

    /** The schema itself, or what its $ref (within the document) points at, followed to the end. */
    JsonNode resolve(JsonNode schema) {
        JsonNode resolved = follow(schema);
        for (var keywords = resolved.fieldNames(); keywords.hasNext(); ) {
            String keyword = keywords.next();
            if (!KNOWN_KEYWORDS.contains(keyword) && !keyword.startsWith("x-")) {
                throw new IllegalStateException("the body generators do not know schema keyword '" + keyword
                        + "' (in " + vendor.prefix() + " " + resolved + "): teach SchemaArbitraries about it");
            }
        }
        return resolved;
    }

    /** The node itself, or what its $ref within the spec points at, followed to the end. */
    private JsonNode follow(JsonNode node) {
        JsonNode followed = node;
        while (followed.has("$ref")) {
            String ref = followed.get("$ref").asText();
            if (!ref.startsWith("#/")) {
                throw new IllegalStateException("only references within the spec are supported: " + ref);
            }
            followed = spec.document().at(ref.substring(1));
        }
        return followed;
    }

    /** The declared properties of an object schema, in spec order, each resolved. */
    Map<String, JsonNode> properties(JsonNode schema) {
        Map<String, JsonNode> properties = new LinkedHashMap<>();
        schema.path("properties").fields().forEachRemaining(e -> properties.put(e.getKey(), resolve(e.getValue())));
        return properties;
    }

    static Set<String> required(JsonNode schema) {
        Set<String> required = new LinkedHashSet<>();
        schema.path("required").forEach(name -> required.add(name.asText()));
        return required;
    }

    /** The OpenAPI 3.0 type, or null for a schema that takes any JSON value. */
    static String type(JsonNode schema) {
        return schema.hasNonNull("type") ? schema.get("type").asText() : null;
    }

    static boolean nullable(JsonNode schema) {
        return schema.path("nullable").asBoolean(false);
    }

    /** The enum's values other than null, or an empty list when the schema has no enum. */
    static List<JsonNode> enumValues(JsonNode schema) {
        List<JsonNode> values = new ArrayList<>();
        schema.path("enum").forEach(v -> {
            if (!v.isNull()) {
                values.add(v);
            }
        });
        return values;
    }

    /** Whether an object schema refuses properties it does not declare. */
    static boolean closed(JsonNode schema) {
        return schema.path("additionalProperties").isBoolean() && !schema.get("additionalProperties").asBoolean();
    }
}
