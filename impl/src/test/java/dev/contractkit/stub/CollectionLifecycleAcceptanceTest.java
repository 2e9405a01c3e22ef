package dev.contractkit.stub;

import dev.contractkit.stub.support.RequiredHeaders;
import dev.contractkit.stub.support.StubHttp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.contractkit.stub.engine.Behaviour;
import dev.contractkit.stub.engine.Collection;
import dev.contractkit.stub.engine.Samples;
import dev.contractkit.stub.spec.Violation;
import dev.contractkit.stub.junit.StubServerExtension;
import dev.contractkit.stub.spec.OpenApiSpec;
import dev.contractkit.stub.spec.Operation;
import dev.contractkit.stub.spec.RequestValidator;
import dev.contractkit.stub.store.ResourceStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every collection of every vendor spec, through its whole life over HTTP: create (or seed, where the API
 * has no create) -> get -> list -> update -> delete -> get is 404, each answer fitting the spec's schema for
 * its status. Enumerated from the specs, so a vendor file with more collections is tested with no new code.
 */
class CollectionLifecycleAcceptanceTest {

    @RegisterExtension
    static StubServerExtension stub = StubServerExtension.newInstance().build();

    @TestFactory
    Stream<DynamicTest> everyCollectionLivesAndDiesAsItsSpecSays() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Vendor vendor : Vendor.packaged()) {
            var state = stub.server().state().vendor(vendor);
            for (Collection collection : state.model().collections()) {
                tests.add(DynamicTest.dynamicTest(vendor.prefix() + " " + collection.template(),
                        () -> new Life(vendor, collection).live()));
            }
        }
        return tests.stream();
    }

    /** One collection's round trip, in one scope (the default data's business for Layer's customers). */
    private static final class Life {
        private final Vendor vendor;
        private final Collection collection;
        private final OpenApiSpec spec;
        private final Samples samples;
        private final Map<Behaviour.Kind, Operation> operations = new java.util.EnumMap<>(Behaviour.Kind.class);
        private final String collectionPath;
        private final String scope;

        Life(Vendor vendor, Collection collection) {
            this.vendor = vendor;
            this.collection = collection;
            var state = stub.server().state().vendor(vendor);
            this.spec = state.spec();
            this.samples = Samples.of(spec);
            for (Operation operation : spec.operations()) {
                Behaviour behaviour = state.model().behaviour(operation);
                if (behaviour.collection() == collection) {
                    operations.putIfAbsent(behaviour.kind(), operation);
                }
            }
            List<String> scopeValues = existingScope(collection);
            this.collectionPath = fill(collection.template(), collection.scopeParams(), scopeValues);
            this.scope = String.join("/", scopeValues);
        }

        void live() {
            String id = create();
            String item = collectionPath + "/" + id;
            read(item, id);
            listed(id);
            updated(item, id);
            deleted(item, id);
        }

        private String create() {
            Operation create = operations.getOrDefault(Behaviour.Kind.CREATE, operations.get(Behaviour.Kind.CREATE_EACH));
            if (create == null) {
                ObjectNode seeded = stub.server().state().seed(vendor, collectionPath, itemSample());
                return seeded.path(collection.idField()).asText();
            }
            List<String> before = ids();
            Answer answer = send(create, collectionPath, requestSample(create));
            assertSuccess(create, answer);
            List<String> after = ids();
            after.removeAll(before);
            assertEquals(1, after.size(), () -> create.id() + " stored " + after.size() + " new items: " + answer);
            return after.get(0);
        }

        private void read(String item, String id) {
            Operation read = operations.get(Behaviour.Kind.READ);
            if (read != null) {
                Answer answer = send(read, item, null);
                assertSuccess(read, answer);
                assertTrue(answer.text().contains("\"" + id + "\""), () -> read.id() + " answered another item: " + answer);
            }
        }

        private void listed(String id) {
            Operation list = operations.get(Behaviour.Kind.LIST);
            if (list != null) {
                Answer answer = send(list, collectionPath, null);
                assertSuccess(list, answer);
                assertTrue(answer.text().contains("\"" + id + "\""), () -> list.id() + " left out " + id + ": " + answer);
            }
        }

        /**
         * Each field the update sends that the item keeps, as a value of the item's type for it, is stored as sent
         * (a vendor may type a field one way to write and another to read: a number sent, an amount object read).
         */
        private void updated(String item, String id) {
            Operation update = operations.get(Behaviour.Kind.UPDATE);
            if (update == null) {
                return;
            }
            JsonNode body = requestSample(update);
            Answer answer = send(update, item, body);
            assertSuccess(update, answer);
            ObjectNode stored = stub.server().state().stored(vendor, item).orElseThrow();
            body.fields().forEachRemaining(field -> {
                JsonNode kept = collection.itemSchema().path("properties").path(field.getKey());
                if (!kept.isMissingNode() && !field.getKey().equals("tags") && sameType(kept, field.getValue())) {
                    assertEquals(field.getValue().toString(), String.valueOf(stored.get(field.getKey())),
                            update.id() + " did not store " + field.getKey());
                }
            });
            assertEquals(id, stored.path(collection.idField()).asText());
        }

        /** Whether the value is of the JSON type the (item's) property schema declares, its $refs followed. */
        private boolean sameType(JsonNode property, JsonNode value) {
            JsonNode schema = property;
            for (int hops = 0; schema.has("$ref") && hops < 16; hops++) {
                schema = spec.document().at(schema.get("$ref").asText().substring(1));
            }
            String type = schema.path("type").asText(schema.has("properties") ? "object" : "");
            return value.isNull() || switch (type) {
                case "object" -> value.isObject();
                case "array" -> value.isArray();
                case "string" -> value.isTextual();
                case "integer" -> value.isIntegralNumber();
                case "number" -> value.isNumber();
                case "boolean" -> value.isBoolean();
                default -> true;
            };
        }

        private void deleted(String item, String id) {
            Operation delete = operations.get(Behaviour.Kind.DELETE);
            if (delete == null) {
                return;
            }
            Answer answer = send(delete, item, null);
            assertSuccess(delete, answer);
            assertFalse(ids().contains(id), () -> delete.id() + " left " + id + " stored");
            Operation read = operations.get(Behaviour.Kind.READ);
            if (read != null) {
                assertEquals(404, send(read, item, null).status(), read.id() + " of a deleted item");
            }
        }

        private List<String> ids() {
            return stub.server().state().vendor(vendor).store()
                    .inScope(collection.template(), scope, false, ResourceStore.Scope::items).orElse(List.of())
                    .stream().map(i -> i.path(collection.idField()).asText()).collect(java.util.stream.Collectors.toList());
        }

        /** A full sample of an item, without its id (the stub gives one). */
        private ObjectNode itemSample() {
            ObjectNode item = (ObjectNode) samples.of(collection.itemSchema());
            item.remove(collection.idField());
            return item;
        }

        /**
         * The operation's documented request example that fits its body's schema (a vendor's may not: a JSON
         * text quoted as a string), else a sample of that schema.
         */
        private JsonNode requestSample(Operation operation) {
            String pointer = spec.resolvedPointer(operation.pointer() + "/requestBody") + "/content/application~1json";
            JsonNode content = spec.document().at(pointer);
            List<JsonNode> documented = new ArrayList<>();
            if (content.has("example")) {
                documented.add(content.get("example"));
            }
            content.path("examples").forEach(example -> documented.add(example.path("value")));
            for (JsonNode example : documented) {
                if (!example.isMissingNode() && (!content.has("schema")
                        || RequestValidator.check(spec.schemaAt(pointer + "/schema"), example, "body").isEmpty())) {
                    return example;
                }
            }
            return samples.of(content.path("schema"));
        }

        /**
         * The scope's path parameter values, of a scope that exists: one already holding items, else made, an item
         * seeded in the collection whose item the scope is (an application for its domains), itself in a scope
         * made the same way; a scope with no collection of its own (a Layer business) exists once it holds one.
         */
        private List<String> existingScope(Collection of) {
            Map<String, Integer> scopes = stub.server().state().vendor(vendor).store().counts()
                    .getOrDefault(of.template(), Map.of());
            Optional<String> known = scopes.keySet().stream().filter(s -> !s.isEmpty()).findFirst();
            if (known.isPresent() || of.scopeParams().isEmpty()) {
                return known.map(s -> List.of(s.split("/"))).orElse(List.of());
            }
            Optional<Collection> parent = stub.server().state().vendor(vendor).model().collections().stream()
                    .filter(c -> c != of && of.template().startsWith(c.itemTemplate() + "/"))
                    .max(java.util.Comparator.comparingInt(c -> c.template().length()));
            if (parent.isEmpty()) {
                List<String> values = new ArrayList<>();
                for (int index = 0; index < of.scopeParams().size(); index++) {
                    values.add("00000000-0000-4000-8000-00000000000" + index);
                }
                return values;
            }
            Collection above = parent.get();
            List<String> values = new ArrayList<>(existingScope(above));
            ObjectNode sample = (ObjectNode) samples.of(above.itemSchema());
            sample.remove(above.idField());
            values.add(stub.server().state().seed(vendor, fill(above.template(), above.scopeParams(), values), sample)
                    .path(above.idField()).asText());
            for (int index = values.size(); index < of.scopeParams().size(); index++) {
                values.add("00000000-0000-4000-8000-00000000000" + index);
            }
            return values;
        }

        private static String fill(String template, List<String> params, List<String> values) {
            String path = template;
            for (int i = 0; i < params.size(); i++) {
                path = path.replace("{" + params.get(i) + "}", values.get(i));
            }
            return path;
        }

        private Answer send(Operation operation, String path, JsonNode body) {
            StubHttp.Answer answer = StubHttp.send(operation.method(), stub.url(vendor) + path + requiredQuery(operation),
                    body == null ? null : body.toString(), RequiredHeaders.of(operation, samples));
            return new Answer(operation.method().toUpperCase(java.util.Locale.ROOT) + " " + path, answer.status(), answer.body());
        }

        /** The query parameters the operation requires, each with a sample of its schema (queryEvents' times). */
        private String requiredQuery(Operation operation) {
            StringBuilder query = new StringBuilder();
            operation.queryParams().values().stream().filter(p -> p.required()).forEach(p -> query
                    .append(query.length() == 0 ? "?" : "&").append(p.name()).append('=')
                    .append(java.net.URLEncoder.encode(samples.of(p.schemaNode()).asText(), java.nio.charset.StandardCharsets.UTF_8)));
            return query.toString();
        }

        /** A documented 2xx whose body fits the spec's schema for that status. */
        private void assertSuccess(Operation operation, Answer answer) {
            assertTrue(answer.status() / 100 == 2 && operation.documentedStatuses().contains(answer.status()),
                    () -> operation.id() + " answered an undocumented or failed status: " + answer);
            String pointer = spec.resolvedPointer(operation.pointer() + "/responses/" + answer.status());
            if (!spec.document().at(pointer + "/content/application~1json/schema").isMissingNode()) {
                List<Violation> violations = RequestValidator.check(
                        spec.schemaAt(pointer + "/content/application~1json/schema"), answer.body(), "body");
                assertTrue(violations.isEmpty(), () -> operation.id() + "'s answer does not fit its schema: "
                        + violations + "\n" + answer);
            }
        }
    }

    private record Answer(String request, int status, JsonNode body) {
        String text() {
            return body == null ? "" : body.toString();
        }

        @Override
        public String toString() {
            String text = text();
            return request + " -> " + status + " " + (text.length() > 800 ? text.substring(0, 800) + "…" : text);
        }
    }
}
