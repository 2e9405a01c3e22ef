package dev.contractkit.stub.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.NonValidationKeyword;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A vendor's OpenAPI file (plus its overlay, if any) as the stub uses it: operations to route requests to,
 * and JSON schemas, compiled once, to validate them against.
 */
public final class OpenApiSpec {

    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch", "head", "options");
    /** Header parameters OpenAPI 3.0 says to ignore (its Parameter Object, "in"): they are not the operation's to declare. */
    private static final Set<String> IGNORED_HEADERS = Set.of("accept", "content-type", "authorization");

    private final ObjectNode document;
    private final Schema root;
    private final List<Operation> operations = new ArrayList<>();
    /** The same operations in the order requests are matched against them. */
    private final List<Operation> routes;


    private OpenApiSpec(String name, ObjectNode document) {
        this.document = document;
        // Validation reads a copy in which an allOf of closed parts allows all their properties (as generators
        // read it); the document itself stays as written, for answers and examples.
        this.root = registry(document).getSchema(SchemaLocation.of("urn:contractkit:spec:" + name), AllOfPropertyUnion.of(document));
        GeneratedOperationNames names = new GeneratedOperationNames();
        document.path("paths").fields().forEachRemaining(path -> {
            for (String method : METHODS) {
                JsonNode operation = path.getValue().get(method);
                if (operation != null) {
                    GeneratedOperationNames.Names named = names.name(operation.path("operationId").asText(null), method, path.getKey());
                    operations.add(operation(named, path.getKey(), method, operation));
                }
            }
        });
        // As JAX-RS matches: the template with more literal characters first, so /customers/externalId/{id}
        // wins over /customers/{customerId}/{sub} for /customers/externalId/x.
        List<Operation> sorted = new ArrayList<>(operations);
        sorted.sort(java.util.Comparator.comparingInt((Operation o) -> -literalLength(o.pathTemplate()))
                .thenComparingInt(o -> -o.pathParamNames().size()));
        routes = List.copyOf(sorted);
    }

    private static int literalLength(String template) {
        return template.replaceAll("\\{[^}/]+}", "").length();
    }

    /** The packaged specs, read once a JVM: an OpenApiSpec never changes, and its schemas are thread-safe. */
    private static final java.util.Map<String, OpenApiSpec> PACKAGED = new java.util.concurrent.ConcurrentHashMap<>();

    /** Loads specs/NAME.yaml as packaged in the stub, with specs/NAME.overlay.yaml applied when it exists. */
    public static OpenApiSpec load(String name) {
        return PACKAGED.computeIfAbsent(name, OpenApiSpec::readPackaged);
    }

    private static OpenApiSpec readPackaged(String name) {
        return new OpenApiSpec(name, PackagedSpecs.read(name));
    }

    /** Loads NAME.yaml (and NAME.overlay.yaml) from a folder of specs, as the contract tests read them. */
    public static OpenApiSpec load(java.nio.file.Path specsDir, String name) {
        try {
            java.nio.file.Path overlay = specsDir.resolve(name + ".overlay.yaml");
            return of(name, readYaml(java.nio.file.Files.newInputStream(specsDir.resolve(name + ".yaml")), name),
                    java.nio.file.Files.exists(overlay) ? readYaml(java.nio.file.Files.newInputStream(overlay), name) : null);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read spec " + name + " in " + specsDir, e);
        }
    }

    private static OpenApiSpec of(String name, JsonNode document, JsonNode overlay) {
        if (overlay != null) {
            Overlay.apply(overlay, (ObjectNode) document);
        }
        return new OpenApiSpec(name, (ObjectNode) document);
    }

    /** The pointer with every $ref met on the way followed: /paths/~1x/put/responses/400/content/... */
    public String resolvedPointer(String pointer) {
        String resolved = "";
        for (String segment : pointer.substring(1).split("/")) {
            resolved = resolve(resolved + "/" + segment);
        }
        return resolved;
    }

    public JsonNode document() {
        return document;
    }

    /** The compiled schema at a JSON pointer of the spec, e.g. /components/schemas/Customer. */
    public synchronized Schema schemaAt(String pointer) {
        Schema schema = root.getRefSchema(SchemaLocation.of("urn:x#" + pointer).getFragment());
        schema.initializeValidators();
        return schema;
    }

    /** The operation for this method and path (as sent, percent-encoded), or null when none fits. */
    public Route route(String method, String path) {
        for (Operation operation : routes) {
            if (operation.method().equalsIgnoreCase(method)) {
                Map<String, String> params = operation.match(path);
                if (params != null) {
                    return new Route(operation, params);
                }
            }
        }
        return null;
    }

    /** The methods some operation takes at this path (as sent), upper case and sorted: empty for an unknown path. */
    public Set<String> methodsAt(String path) {
        Set<String> allowed = new java.util.TreeSet<>();
        for (Operation operation : routes) {
            if (operation.match(path) != null) {
                allowed.add(operation.method().toUpperCase(java.util.Locale.ROOT));
            }
        }
        return allowed;
    }

    /** The operationId for this method and path, or null when no operation fits. */
    public String operationId(String method, String path) {
        Operation operation = operation(method, path);
        return operation == null ? null : operation.id();
    }

    /** The operation a request of this method and path (as sent) is routed to, or null. */
    public Operation operation(String method, String path) {
        for (Operation operation : routes) {
            if (operation.method().equalsIgnoreCase(method) && operation.match(path) != null) {
                return operation;
            }
        }
        return null;
    }

    /** The operations in the order the spec lists them. */
    public List<Operation> operations() {
        return List.copyOf(operations);
    }

    private Operation operation(GeneratedOperationNames.Names named, String template, String method, JsonNode operation) {
        String pathPointer = "/paths/" + template.replace("~", "~0").replace("/", "~1");
        Map<String, Schema> params = new LinkedHashMap<>();
        Map<String, QueryParam> query = new LinkedHashMap<>();
        Map<String, QueryParam> headers = new LinkedHashMap<>();
        for (String owner : List.of(pathPointer, pathPointer + "/" + method)) {
            JsonNode declared = document.at(owner + "/parameters");
            for (int i = 0; i < declared.size(); i++) {
                String at = resolve(owner + "/parameters/" + i);
                String name = document.at(at + "/name").asText();
                switch (document.at(at + "/in").asText()) {
                    case "path" -> params.put(name, schemaAt(at + "/schema"));
                    case "query" -> query.put(name, param(name, at));
                    case "header" -> {
                        if (!IGNORED_HEADERS.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                            headers.put(name, param(name, at));
                        }
                    }
                    default -> { }
                }
            }
        }
        String body = resolve(pathPointer + "/" + method + "/requestBody");
        String bodySchema = body + "/content/application~1json/schema";
        Set<String> properties = new LinkedHashSet<>();
        document.at(resolve(bodySchema) + "/properties").fieldNames().forEachRemaining(properties::add);
        return new Operation(named.id(), method, template,
                Operation.compile(template), Operation.paramNames(template), params, query, headers,
                document.at(bodySchema).isMissingNode() ? null : schemaAt(bodySchema),
                document.at(body + "/required").asBoolean(false), properties, successStatus(operation),
                documentedStatuses(operation), Credential.requirements(operation, document), pathPointer + "/" + method, named.methodName());
    }

    /** A query or header parameter at this pointer (its $ref followed): its schema, compiled, and whether it is required. */
    private QueryParam param(String name, String at) {
        return new QueryParam(name, document.at(at), document.at(resolve(at + "/schema")),
                document.at(at + "/schema").isMissingNode() ? null : schemaAt(at + "/schema"),
                document.at(at + "/required").asBoolean(false));
    }

    private static Set<Integer> documentedStatuses(JsonNode operation) {
        Set<Integer> statuses = new LinkedHashSet<>();
        operation.path("responses").fieldNames().forEachRemaining(code -> {
            if (code.matches("\\d{3}")) {
                statuses.add(Integer.parseInt(code));
            }
        });
        return Set.copyOf(statuses);
    }

    /** The operation's documented 2xx status: the first declared, or 200. */
    private static int successStatus(JsonNode operation) {
        var codes = operation.path("responses").fieldNames();
        while (codes.hasNext()) {
            String code = codes.next();
            if (code.startsWith("2") && code.length() == 3) {
                return Integer.parseInt(code);
            }
        }
        return 200;
    }

    /** The pointer itself, or where the $ref found there points (references within this document). */
    private String resolve(String pointer) {
        String ref = document.at(pointer + "/$ref").asText("");
        return ref.startsWith("#/") ? ref.substring(1) : pointer;
    }

    private static SchemaRegistry registry(JsonNode document) {
        // The keywords of an OpenAPI document around the schemas, declared so the validator does not warn
        // (the document's own x- extensions, at its root, x-contract-kit's errors template for one, and inside
        // its schemas, a vendor's x-is-money: the library's warning would name its class in the log);
        // and OpenAPI 3.0's boolean exclusiveMinimum/Maximum, which the dialect's minimum and maximum read
        // beside them (draft-04 style) but do not declare as keywords of their own.
        Set<String> keywords = new LinkedHashSet<>(List.of("openapi", "info", "servers", "security", "tags", "paths",
                "components", "externalDocs", "example", "examples", "exclusiveMinimum", "exclusiveMaximum"));
        extensions(document, keywords);
        Dialect openApi30 = Dialect.builder(Dialects.getOpenApi30())
                .keywords(keywords.stream().map(NonValidationKeyword::new).toList())
                .build();
        return SchemaRegistry.withDialect(openApi30);
    }

    /** Every x- member name at any depth of the document: an extension, never a validation keyword. */
    private static void extensions(JsonNode node, Set<String> names) {
        if (node.isObject()) {
            node.fields().forEachRemaining(field -> {
                if (field.getKey().startsWith("x-")) {
                    names.add(field.getKey());
                }
                extensions(field.getValue(), names);
            });
        } else if (node.isArray()) {
            node.forEach(element -> extensions(element, names));
        }
    }

    private static JsonNode readYaml(InputStream stream, String name) {
        try (InputStream in = stream) {
            return in == null ? null : PackagedSpecs.yaml(in.readAllBytes(), name);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read spec " + name, e);
        }
    }
}
