package dev.contractkit.specgate;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * minLength, which openapi-diff (2.1.3) does not compare at all: a request field whose minimum length was
 * raised is, to it, no change. Walks the operations both specs have, field by field (following $refs), and
 * words each change as FieldChanges does, so a change openapi-diff did see is not said twice.
 */
final class MinLengthChanges {

    /** Deep enough for any real body; stops a schema that refers to itself. */
    private static final int DEPTH = 12;

    private final OpenAPI old;
    private final OpenAPI now;
    private final List<String> breaks = new ArrayList<>();
    private final List<String> compatible = new ArrayList<>();

    private MinLengthChanges(OpenAPI old, OpenAPI now) {
        this.old = old;
        this.now = now;
    }

    /** Adds to breaks and compatible the minLength changes not already in them. */
    static void add(OpenAPI old, OpenAPI now, List<String> breaks, List<String> compatible) {
        if (old == null || now == null || old.getPaths() == null || now.getPaths() == null) {
            return;
        }
        MinLengthChanges found = new MinLengthChanges(old, now);
        old.getPaths().forEach((path, item) -> {
            PathItem other = now.getPaths().get(path);
            if (other != null) {
                item.readOperationsMap().forEach((method, operation) -> {
                    Operation after = other.readOperationsMap().get(method);
                    if (after != null) {
                        found.operation(method + " " + path, operation, after);
                    }
                });
            }
        });
        found.breaks.stream().filter(b -> !breaks.contains(b)).forEach(breaks::add);
        found.compatible.stream().filter(c -> !compatible.contains(c)).forEach(compatible::add);
    }

    private void operation(String where, Operation before, Operation after) {
        if (before.getParameters() != null && after.getParameters() != null) {
            for (Parameter p : before.getParameters()) {
                after.getParameters().stream()
                        .filter(q -> Objects.equals(p.getName(), q.getName()) && Objects.equals(p.getIn(), q.getIn()))
                        .findFirst().ifPresent(q -> field(where + " parameter " + p.getName(), "", p.getSchema(), q.getSchema(), false, 0));
            }
        }
        if (before.getRequestBody() != null && after.getRequestBody() != null) {
            content(where + " request", before.getRequestBody().getContent(), after.getRequestBody().getContent(), false);
        }
        if (before.getResponses() != null && after.getResponses() != null) {
            before.getResponses().forEach((code, response) -> {
                ApiResponse other = after.getResponses().get(code);
                if (other != null) {
                    content(where + " response " + code, response.getContent(), other.getContent(), true);
                }
            });
        }
    }

    private void content(String where, Content before, Content after, boolean response) {
        if (before != null && after != null) {
            before.forEach((type, media) -> {
                if (after.get(type) != null) {
                    field(where, "", media.getSchema(), after.get(type).getSchema(), response, 0);
                }
            });
        }
    }

    private void field(String where, String field, Schema<?> before, Schema<?> after, boolean response, int depth) {
        before = resolve(old, before);
        after = resolve(now, after);
        if (before == null || after == null || depth > DEPTH) {
            return;
        }
        FieldChanges.minLength(field.isEmpty() ? where : where + ": field " + field, before, after, response, breaks, compatible);
        String prefix = field.isEmpty() ? "" : field + ".";
        Map<String, Schema> later = after.getProperties() == null ? Map.of() : after.getProperties();
        if (before.getProperties() != null) {
            before.getProperties().forEach((name, schema) -> field(where, prefix + name, schema, later.get(name), response, depth + 1));
        }
        field(where, field + "[]", before.getItems(), after.getItems(), response, depth + 1);
    }

    private static Schema<?> resolve(OpenAPI spec, Schema<?> schema) {
        for (int hops = 0; schema != null && schema.get$ref() != null && hops < DEPTH; hops++) {
            String name = schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1);
            schema = spec.getComponents() == null || spec.getComponents().getSchemas() == null ? null
                    : spec.getComponents().getSchemas().get(name);
        }
        return schema;
    }
}
