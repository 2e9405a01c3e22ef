package dev.contractkit.specgate;

import io.swagger.v3.oas.models.media.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openapitools.openapidiff.core.model.Changed;
import org.openapitools.openapidiff.core.model.ChangedApiResponse;
import org.openapitools.openapidiff.core.model.ChangedContent;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;
import org.openapitools.openapidiff.core.model.ChangedOperation;
import org.openapitools.openapidiff.core.model.ChangedParameter;
import org.openapitools.openapidiff.core.model.ChangedSchema;
import org.openapitools.openapidiff.core.model.Endpoint;

/**
 * Each change that breaks clients, in words a reader acts on: "PUT /customers/{customerId} response 200:
 * field customer.email removed". openapi-diff judges and this names, one rule stricter: a response field
 * removed breaks even when it was optional, since a client reading it no longer compiles.
 */
final class BreakingChanges {

    private final List<String> breaks = new ArrayList<>();

    private BreakingChanges() {
    }

    static List<String> of(ChangedOpenApi diff) {
        BreakingChanges found = new BreakingChanges();
        for (Endpoint removed : diff.getMissingEndpoints()) {
            found.breaks.add("operation " + removed.getMethod() + " " + removed.getPathUrl() + " removed");
        }
        for (ChangedOperation operation : diff.getChangedOperations()) {
            found.operation(operation);
        }
        return found.breaks;
    }

    private void operation(ChangedOperation operation) {
        String where = operation.getHttpMethod() + " " + operation.getPathUrl();
        int before = breaks.size();
        if (operation.getParameters() != null) {
            operation.getParameters().getMissing().forEach(p -> breaks.add(where + ": parameter " + p.getName() + " removed"));
            operation.getParameters().getIncreased().stream().filter(p -> Boolean.TRUE.equals(p.getRequired()))
                    .forEach(p -> breaks.add(where + ": new required parameter " + p.getName()));
            for (ChangedParameter parameter : operation.getParameters().getChanged()) {
                if (parameter.getSchema() != null) {
                    schema(where + " parameter " + parameter.getName(), "", parameter.getSchema());
                }
            }
        }
        if (operation.getRequestBody() != null) {
            content(where + " request", operation.getRequestBody().getContent());
        }
        ChangedApiResponse responses = operation.getApiResponses();
        if (responses != null) {
            responses.getMissing().keySet().forEach(code -> breaks.add(where + ": response " + code + " removed"));
            responses.getChanged().forEach((code, response) -> content(where + " response " + code, response.getContent()));
        }
        if (breaks.size() == before && incompatible(operation)) {
            breaks.add(where + ": incompatible change (see the changelog)");
        }
    }

    private void content(String where, ChangedContent content) {
        if (content == null) {
            return;
        }
        content.getMissing().keySet().forEach(type -> breaks.add(where + ": media type " + type + " removed"));
        content.getChanged().forEach((type, media) -> {
            if (media.getSchema() != null) {
                schema(where, "", media.getSchema());
            }
        });
    }

    private void schema(String where, String field, ChangedSchema schema) {
        if (schema == null) {
            return;
        }
        String at = field.isEmpty() ? where : where + ": field " + field;
        String prefix = field.isEmpty() ? "" : field + ".";
        boolean response = schema.getContext() != null && schema.getContext().isResponse();
        if (response) {
            names(schema.getMissingProperties()).forEach(p -> breaks.add(where + ": field " + prefix + p + " removed"));
        }
        if (schema.getRequired() != null && !response) {
            schema.getRequired().getIncreased().forEach(p -> breaks.add(where + ": new required field " + prefix + p));
        }
        if (schema.isChangedType()) {
            breaks.add(at + " changed type from " + type(schema.getOldSchema()) + " to " + type(schema.getNewSchema()));
        }
        if (schema.getEnumeration() != null) {
            if (!schema.getEnumeration().getMissing().isEmpty()) {
                breaks.add(at + " enum narrowed: " + schema.getEnumeration().getMissing() + " removed");
            }
            if (response && !schema.getEnumeration().getIncreased().isEmpty()) {
                breaks.add(at + " enum widened in a response: " + schema.getEnumeration().getIncreased() + " added");
            }
        }
        schema.getChangedProperties().forEach((name, child) -> schema(where, prefix + name, child));
        if (schema.getItems() != null) {
            schema(where, field + "[]", schema.getItems());
        }
    }

    private static boolean incompatible(Changed changed) {
        return changed.isChanged() != null && changed.isChanged().isIncompatible();
    }

    private static List<String> names(Map<String, Schema<?>> properties) {
        return properties == null ? List.of() : List.copyOf(properties.keySet());
    }

    private static String type(Schema<?> schema) {
        return schema == null ? "none" : String.valueOf(schema.getType());
    }
}
