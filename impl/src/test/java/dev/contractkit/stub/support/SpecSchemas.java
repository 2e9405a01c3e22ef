package dev.contractkit.stub.support;

import dev.contractkit.stub.Vendor;
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
public final class SpecSchemas {

    /** The schema keywords the generators understand; a spec that uses another one fails loudly, not silently. */
    private static final Set<String> KNOWN_KEYWORDS = Set.of("$ref", "type", "nullable", "enum", "pattern",
            "format", "minLength", "maxLength", "items", "minItems", "maxItems", "properties", "required",
            "additionalProperties", "description", "default", "deprecated", "example", "title");

    /** The packaged vendor whose spec this is; null for a spec read from elsewhere (a fixture, a vendor's file). */
    public final Vendor vendor;
    public final OpenApiSpec spec;
    public final Operation operation;
    /** The operation's request body schema, resolved. */
    public final JsonNode requestBody;

    private SpecSchemas(Vendor vendor, String operationId) {
        this(vendor, OpenApiSpec.load(vendor.prefix()), operationId);
    }

    private SpecSchemas(Vendor vendor, OpenApiSpec spec, String operationId) {
        this.vendor = vendor;
        this.spec = spec;
        this.operation = spec.operations().stream().filter(o -> o.id().equals(operationId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(spec.document().at("/info/title").asText() + " has no operation " + operationId));
        this.requestBody = resolve(follow(spec.document().at(operationPointer() + "/requestBody"))
                .at("/content/application~1json/schema"));
    }

    /** An operation of any spec (a fixture, a vendor's published file), not only a packaged vendor's. */
    public static SpecSchemas of(OpenApiSpec spec, String operationId) {
        return new SpecSchemas(null, spec, operationId);
    }

    /** The JSON schema of the operation's answer with this status, resolved; missing when it documents none. */
    public JsonNode responseBody(int status) {
        JsonNode response = follow(spec.document().at(operationPointer() + "/responses/" + status));
        JsonNode schema = response.at("/content/application~1json/schema");
        return schema.isMissingNode() ? schema : resolve(schema);
    }

    private String operationPointer() {
        return "/paths/" + operation.pathTemplate().replace("~", "~0").replace("/", "~1") + "/" + operation.method();
    }

    /** Both vendors' only operation, the update of a customer. */
    public static SpecSchemas updateCustomer(Vendor vendor) {
        return new SpecSchemas(vendor, "updateCustomer");
    }

    /**
     * The alias groups of the spec's collections (x-contract-kit aliases: [[notes, memo]]): names that
     * carry one value, which a request may not send different.
     */
    public List<List<String>> aliasGroups() {
        List<List<String>> groups = new ArrayList<>();
        spec.document().path("paths").forEach(item -> item.path("x-contract-kit").path("aliases").forEach(group -> {
            List<String> names = new ArrayList<>();
            group.forEach(n -> names.add(n.asText()));
            groups.add(names);
        }));
        return groups;
    }

    /** The methods the spec declares on the operation's path, as an Allow header lists them: "GET, PATCH, PUT". */
    public String allowed() {
        return String.join(", ", new java.util.TreeSet<>(methodsOnPath()));
    }

    /** Methods a client might try that the spec does not declare on the operation's path. */
    public List<String> notAllowed() {
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

    /**
     * The schema itself, or what its $ref (within the document) points at, followed to the end; an allOf read as
     * the one object schema its parts make together (their properties and required names joined).
     */
    public JsonNode resolve(JsonNode schema) {
        JsonNode resolved = follow(schema);
        if (resolved.has("allOf")) {
            resolved = joined(resolved);
        }
        for (var keywords = resolved.fieldNames(); keywords.hasNext(); ) {
            String keyword = keywords.next();
            if (!KNOWN_KEYWORDS.contains(keyword) && !keyword.startsWith("x-")) {
                throw new IllegalStateException("the body generators do not know schema keyword '" + keyword
                        + "' (in " + spec.document().at("/info/title").asText() + " " + resolved + "): teach SchemaArbitraries about it");
            }
        }
        return resolved;
    }

    /**
     * An allOf's parts as one object schema: every part's properties (a later part's declaration of a name
     * wins) and required names. It is open to other properties unless the schema holding the allOf is closed:
     * a closed part would refuse its siblings' properties, which no vendor means.
     */
    private JsonNode joined(JsonNode schema) {
        com.fasterxml.jackson.databind.node.ObjectNode joined = ((com.fasterxml.jackson.databind.node.ObjectNode) schema).deepCopy();
        joined.remove("allOf");
        com.fasterxml.jackson.databind.node.ObjectNode properties = joined.with("properties");
        Set<String> required = new LinkedHashSet<>(required(schema));
        for (JsonNode part : schema.get("allOf")) {
            JsonNode resolved = resolve(part);
            resolved.path("properties").fields().forEachRemaining(e -> properties.set(e.getKey(), e.getValue()));
            required.addAll(required(resolved));
        }
        joined.put("type", "object");
        com.fasterxml.jackson.databind.node.ArrayNode names = joined.putArray("required");
        required.forEach(names::add);
        return joined;
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
    public Map<String, JsonNode> properties(JsonNode schema) {
        Map<String, JsonNode> properties = new LinkedHashMap<>();
        schema.path("properties").fields().forEachRemaining(e -> properties.put(e.getKey(), resolve(e.getValue())));
        return properties;
    }

    public static Set<String> required(JsonNode schema) {
        Set<String> required = new LinkedHashSet<>();
        schema.path("required").forEach(name -> required.add(name.asText()));
        return required;
    }

    /** The OpenAPI 3.0 type, or null for a schema that takes any JSON value. */
    public static String type(JsonNode schema) {
        return schema.hasNonNull("type") ? schema.get("type").asText() : null;
    }

    public static boolean nullable(JsonNode schema) {
        return schema.path("nullable").asBoolean(false);
    }

    /** The enum's values other than null, or an empty list when the schema has no enum. */
    public static List<JsonNode> enumValues(JsonNode schema) {
        List<JsonNode> values = new ArrayList<>();
        schema.path("enum").forEach(v -> {
            if (!v.isNull()) {
                values.add(v);
            }
        });
        return values;
    }

    /** Whether an object schema refuses properties it does not declare. */
    public static boolean closed(JsonNode schema) {
        return schema.path("additionalProperties").isBoolean() && !schema.get("additionalProperties").asBoolean();
    }
}
