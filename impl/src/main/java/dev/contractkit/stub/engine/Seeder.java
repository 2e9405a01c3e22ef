package dev.contractkit.stub.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.contractkit.stub.refusal.ErrorKind;
import dev.contractkit.stub.refusal.StubException;
import dev.contractkit.stub.spec.Violation;
import dev.contractkit.stub.spec.OpenApiSpec;
import dev.contractkit.stub.spec.RequestValidator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Items given in the vendor's own answer shape (seeded through the admin API, or loaded data), completed
 * as a create completes them and checked against the answer's schema of their collection.
 */
public final class Seeder {

    /** Where an item goes: its collection, its scope, and the item itself, completed. */
    public record Placed(Collection collection, String scope, ObjectNode item) {
    }

    private final OpenApiSpec spec;
    private final ResourceModel model;
    private final Items items;
    private final Answers answers;

    public Seeder(OpenApiSpec spec, ResourceModel model) {
        this.spec = spec;
        this.model = model;
        this.items = new Items(model.schemas());
        this.answers = new Answers(model);
    }

    /** The collection at a concrete path (/v1/businesses/b1/customers) and its scope ("b1"); 404 when none. */
    public Placed locate(String path) {
        Collection collection = model.collectionAt(path);
        if (collection == null) {
            throw new StubException(ErrorKind.NOT_FOUND, "No collection at " + path + "; the collections are "
                    + model.collections().stream().map(Collection::template).toList());
        }
        Matcher m = Pattern.compile(collection.template().replaceAll("\\{[^}/]+}", "([^/]+)")).matcher(path);
        m.matches();
        List<String> values = new ArrayList<>();
        for (int i = 1; i <= m.groupCount(); i++) {
            values.add(m.group(i));
        }
        return new Placed(collection, String.join("/", values), null);
    }

    /** The item completed (id, timestamps, required fields) and checked; a 400 naming each field that misfits. */
    public Placed place(String path, JsonNode given) {
        if (!given.isObject()) {
            throw new StubException(ErrorKind.INVALID_REQUEST, "An item must be a JSON object, was " + given.getNodeType());
        }
        Placed where = locate(path);
        ObjectNode item = items.created((ObjectNode) given, where.collection());
        List<Violation> violations = check(where.collection(), item);
        if (!violations.isEmpty()) {
            throw new StubException(ErrorKind.INVALID_REQUEST, "The " + where.collection().noun().toLowerCase(java.util.Locale.ROOT)
                    + " does not fit the spec", violations);
        }
        return new Placed(where.collection(), where.scope(), item);
    }

    /** The item as its collection's GET would answer it, against that answer's schema. */
    private List<Violation> check(Collection collection, ObjectNode item) {
        if (collection.source() == null) {
            return List.of();
        }
        dev.contractkit.stub.spec.Operation reading = operation(collection.source());
        int status = reading.successStatus();
        JsonNode answer = answers.item(reading, status, collection, item);
        String wrapper = model.wrapperProperty(model.schemas().responseSchema(reading.pointer(), status), collection.template());
        String pointer = spec.resolvedPointer(reading.pointer() + "/responses/" + status)
                + "/content/application~1json/schema";
        List<Violation> violations = RequestValidator.check(spec.schemaAt(pointer), answer, "item");
        String prefix = wrapper == null ? "" : wrapper + ".";
        return violations.stream().map(v -> v.param().startsWith(prefix)
                ? new Violation(v.param().substring(prefix.length()), v.message(), v.missing()) : v).toList();
    }

    private dev.contractkit.stub.spec.Operation operation(String pointer) {
        return spec.operations().stream().filter(o -> o.pointer().equals(pointer)).findFirst().orElseThrow();
    }

    /** Loaded data: each vendor key is a collection ("customers") or holds scopes ("businesses": [{id, customers}]). */
    public void walk(JsonNode node, List<String> literals, List<String> params, Map<String, Map<String, List<ObjectNode>>> into) {
        node.fields().forEachRemaining(field -> {
            if (!field.getValue().isArray()) {
                return;
            }
            List<String> path = new ArrayList<>(literals);
            path.add(field.getKey());
            Collection collection = bySuffix(path, params.size());
            if (collection != null) {
                String concrete = concrete(collection.template(), params);
                List<ObjectNode> list = into.computeIfAbsent(collection.template(), c -> new java.util.LinkedHashMap<>())
                        .computeIfAbsent(String.join("/", params), s -> new ArrayList<>());
                for (JsonNode given : field.getValue()) {
                    list.add(place(concrete, given).item());
                }
                return;
            }
            for (JsonNode owner : field.getValue()) {
                List<String> inner = new ArrayList<>(params);
                inner.add(owner.path("id").asText());
                ObjectNode rest = owner.deepCopy();
                rest.remove("id");
                walk(rest, path, inner, into);
            }
        });
    }

    private Collection bySuffix(List<String> literals, int params) {
        for (Collection collection : model.collections()) {
            List<String> own = new ArrayList<>();
            for (String segment : collection.template().split("/")) {
                if (!segment.isEmpty() && !PathTemplates.isParam(segment)) {
                    own.add(segment);
                }
            }
            if (collection.scopeParams().size() == params && own.size() >= literals.size()
                    && own.subList(own.size() - literals.size(), own.size()).equals(literals)) {
                return collection;
            }
        }
        return null;
    }

    private static String concrete(String template, List<String> params) {
        String path = template;
        for (String value : params) {
            path = path.replaceFirst("\\{[^}/]+}", Matcher.quoteReplacement(value));
        }
        return path;
    }
}
