package dev.contractkit.stub.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.contractkit.stub.refusal.StubException;
import dev.contractkit.stub.spec.Violation;
import dev.contractkit.stub.spec.OpenApiSpec;
import dev.contractkit.stub.spec.Operation;
import dev.contractkit.stub.spec.RequestValidator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The inference on real vendors' published files (contract-tests' vendor-files, read as published): what
 * is stateful is printed, and properties that hold for any file are checked, not counts one file has.
 */
class VendorFileInferenceTest {

    private static final Path FILES = Path.of("..", "contract-tests", "src", "test", "resources", "vendor-files");

    @TestFactory
    Stream<DynamicTest> everyPublishedFile() throws Exception {
        List<DynamicTest> tests = new ArrayList<>();
        try (Stream<Path> files = Files.list(FILES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                String name = file.getFileName().toString().replace(".yaml", "");
                OpenApiSpec spec = OpenApiSpec.load(FILES, name);
                tests.add(DynamicTest.dynamicTest(name + ": a POST answering its collection's item creates",
                        () -> postsAnsweringTheItemCreate(name, spec)));
                tests.add(DynamicTest.dynamicTest(name + ": new ids fit the item path's parameter",
                        () -> newIdsFitThePath(spec)));
                tests.add(DynamicTest.dynamicTest(name + ": create, read, list and delete answer their schemas",
                        () -> answersFitTheirSchemas(name, spec)));
            }
        }
        return tests.stream();
    }

    private static void postsAnsweringTheItemCreate(String name, OpenApiSpec spec) {
        ResourceModel model = new ResourceModel(spec);
        Map<String, Integer> served = new java.util.TreeMap<>();
        List<String> synthesized = new ArrayList<>();
        for (Operation operation : spec.operations()) {
            Behaviour behaviour = model.behaviour(operation);
            served.merge(behaviour.servedAs(), 1, Integer::sum);
            if (behaviour.kind() == Behaviour.Kind.SYNTHESIZED) {
                synthesized.add(operation.id());
            }
            Collection collection = model.collections().stream()
                    .filter(c -> c.template().equals(operation.pathTemplate())).findFirst().orElse(null);
            JsonNode answer = model.responseSchema(operation);
            if (collection != null && operation.method().equals("post") && !answer.isMissingNode()
                    && model.isItem(model.unwrap(answer, collection.template()), collection)) {
                assertTrue(behaviour.kind() == Behaviour.Kind.CREATE || behaviour.kind() == Behaviour.Kind.CREATE_EACH,
                        operation.id() + " answers the item of " + collection.template() + " but is " + behaviour.kind());
            }
        }
        System.out.println("[inference] " + name + ": " + spec.operations().size() + " operations, " + served
                + "; synthesized: " + synthesized);
    }

    private static void newIdsFitThePath(OpenApiSpec spec) {
        ResourceModel model = new ResourceModel(spec);
        for (Collection collection : model.collections()) {
            for (Operation operation : spec.operations()) {
                if (!operation.pathTemplate().equals(collection.itemTemplate())) {
                    continue;
                }
                for (int n = 0; n < 5; n++) {
                    String id = Ids.fresh(collection.idSchema());
                    String path = collection.itemTemplate().replaceAll("\\{[^}/]+}", "x")
                            .replaceFirst("x$", java.util.regex.Matcher.quoteReplacement(id));
                    List<Violation> violations = RequestValidator.pathParams(spec.route(operation.method(), path)).stream()
                            .filter(v -> v.param().contains(collection.idParam())).toList();
                    assertEquals(List.of(), violations, operation.id() + " refuses the new id " + id);
                }
            }
        }
    }

    /** Each collection with a create, owners first: its answers validate against the operation's schema. */
    private static void answersFitTheirSchemas(String name, OpenApiSpec spec) {
        EngineFixture fixture = EngineFixture.of(spec);
        Samples samples = Samples.of(spec);
        Map<String, String> made = new HashMap<>();
        List<String> skipped = new ArrayList<>();
        List<Collection> collections = new ArrayList<>(fixture.model.collections());
        collections.sort(Comparator.comparingInt(c -> c.template().split("/").length));
        for (Collection collection : collections) {
            Map<Behaviour.Kind, Operation> ops = new HashMap<>();
            spec.operations().forEach(o -> {
                Behaviour b = fixture.model.behaviour(o);
                if (b.collection() == collection) {
                    ops.putIfAbsent(b.kind(), o);
                }
            });
            Operation create = ops.get(Behaviour.Kind.CREATE);
            String path = collection.template();
            for (String param : collection.scopeParams()) {
                path = path.replace("{" + param + "}", made.getOrDefault(param, "unknown"));
            }
            if (create == null || path.contains("unknown")) {
                skipped.add(collection.template());
                continue;
            }
            Engine.Answer created;
            try {
                created = fixture.serve("POST", path, samples.of(bodySchema(spec, create)));
            } catch (StubException scopeUnknown) {
                skipped.add(collection.template() + " (" + scopeUnknown.getMessage() + ")");
                continue;
            }
            fits(spec, create, created);
            String id = fixture.store.inScope(collection.template(), Scopes.scope(collection, pathParams(collection, path)), false,
                    s -> s.items().get(s.items().size() - 1).path(collection.idField()).asText()).orElseThrow();
            made.put(collection.idParam(), id);
            String item = path + "/" + id;
            if (ops.containsKey(Behaviour.Kind.READ)) {
                fits(spec, ops.get(Behaviour.Kind.READ), fixture.serve("GET", item, null));
            }
            if (ops.containsKey(Behaviour.Kind.LIST)) {
                fits(spec, ops.get(Behaviour.Kind.LIST), fixture.serve("GET", path, null));
            }
        }
        // Deletes last, innermost first, so what hangs under an item is served before the item goes.
        java.util.Collections.reverse(collections);
        for (Collection collection : collections) {
            String id = made.get(collection.idParam());
            Operation delete = spec.operations().stream().filter(o -> fixture.model.behaviour(o).collection() == collection
                    && fixture.model.behaviour(o).kind() == Behaviour.Kind.DELETE).findFirst().orElse(null);
            if (id != null && delete != null) {
                String path = collection.itemTemplate();
                for (String param : collection.scopeParams()) {
                    path = path.replace("{" + param + "}", made.get(param));
                }
                fits(spec, delete, fixture.serve("DELETE", path.replace("{" + collection.idParam() + "}", id), null));
            }
        }
        System.out.println("[inference] " + name + ": lived through the engine " + made.keySet() + "; no create or owner: " + skipped);
    }

    private static Map<String, String> pathParams(Collection collection, String path) {
        Map<String, String> params = new HashMap<>();
        String[] template = collection.template().split("/");
        String[] concrete = path.split("/");
        for (int i = 0; i < template.length; i++) {
            if (PathTemplates.isParam(template[i])) {
                params.put(PathTemplates.param(template[i]), concrete[i]);
            }
        }
        return params;
    }

    private static JsonNode bodySchema(OpenApiSpec spec, Operation operation) {
        return spec.document().at(spec.resolvedPointer(operation.pointer() + "/requestBody") + "/content/application~1json/schema");
    }

    private static void fits(OpenApiSpec spec, Operation operation, Engine.Answer answer) {
        String pointer = spec.resolvedPointer(operation.pointer() + "/responses/" + answer.status());
        JsonNode schema = spec.document().at(pointer + "/content/application~1json/schema");
        if (schema.isMissingNode()) {
            assertTrue(answer.body() == null, operation.id() + " documents no body for " + answer.status() + ": " + answer.body());
            return;
        }
        List<Violation> violations = RequestValidator.check(spec.schemaAt(pointer + "/content/application~1json/schema"),
                answer.body(), "answer");
        assertEquals(List.of(), violations, operation.id() + " " + answer.status() + " answered " + answer.body());
    }
}
