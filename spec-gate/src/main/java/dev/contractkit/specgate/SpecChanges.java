package dev.contractkit.specgate;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.openapitools.openapidiff.core.model.ChangedApiResponse;
import org.openapitools.openapidiff.core.model.ChangedContent;
import org.openapitools.openapidiff.core.model.ChangedMediaType;
import org.openapitools.openapidiff.core.model.ChangedMetadata;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;
import org.openapitools.openapidiff.core.model.ChangedOperation;
import org.openapitools.openapidiff.core.model.ChangedParameter;
import org.openapitools.openapidiff.core.model.Endpoint;

/**
 * Every change between a spec and its baseline, in words a reader acts on ("PUT /customers/{customerId}
 * response 200: field customer.email removed"), each judged by what a client would feel: a break when code
 * or requests that worked before may fail. openapi-diff finds the changes; the verdicts are the gate's.
 */
final class SpecChanges {

    final List<String> breaks = new ArrayList<>();
    final List<String> compatible = new ArrayList<>();

    private SpecChanges() {
    }

    static SpecChanges of(ChangedOpenApi diff) {
        SpecChanges found = new SpecChanges();
        diff.getMissingEndpoints().forEach(e -> found.breaks.add("operation " + name(e) + " removed"));
        diff.getNewEndpoints().forEach(e -> found.compatible.add("operation " + name(e) + " added"));
        diff.getChangedOperations().forEach(found::operation);
        found.schemaNames(diff.getOldSpecOpenApi(), diff.getNewSpecOpenApi());
        MinLengthChanges.add(diff.getOldSpecOpenApi(), diff.getNewSpecOpenApi(), found.breaks, found.compatible);
        return found;
    }

    private void operation(ChangedOperation operation) {
        String where = operation.getHttpMethod() + " " + operation.getPathUrl();
        int before = breaks.size() + compatible.size();
        metadata(where + ": summary", operation.getSummary());
        metadata(where + ": description", operation.getDescription());
        if (operation.getParameters() != null) {
            parameters(where, operation);
        }
        if (operation.getRequestBody() != null) {
            if (operation.getRequestBody().isChangeRequired()) {
                boolean required = Boolean.TRUE.equals(operation.getRequestBody().getNewRequestBody().getRequired());
                (required ? breaks : compatible).add(where + ": request body now " + (required ? "required" : "optional"));
            }
            content(where + " request", operation.getRequestBody().getContent());
        }
        if (operation.getApiResponses() != null) {
            responses(where, operation.getApiResponses());
        }
        if (operation.getSecurityRequirements() != null && operation.getSecurityRequirements().isChanged().isDifferent()) {
            (operation.getSecurityRequirements().isChanged().isIncompatible() ? breaks : compatible)
                    .add(where + ": security requirements changed");
        }
        if (breaks.size() + compatible.size() == before && operation.isChanged().isDifferent()) {
            // A change the gate has no words for (extensions, header schemas, ...): openapi-diff's verdict stands.
            (operation.isChanged().isIncompatible() ? breaks : compatible)
                    .add(where + ": " + operation.isChanged().getValue() + " change (see openapi-diff's report in the changelog)");
        }
    }

    private void parameters(String where, ChangedOperation operation) {
        var parameters = operation.getParameters();
        parameters.getMissing().forEach(p -> breaks.add(where + ": parameter " + p.getName() + " removed"));
        for (Parameter added : parameters.getIncreased()) {
            boolean required = Boolean.TRUE.equals(added.getRequired());
            (required ? breaks : compatible).add(where + ": new " + (required ? "required" : "optional") + " parameter " + added.getName());
        }
        for (ChangedParameter parameter : parameters.getChanged()) {
            String at = where + " parameter " + parameter.getName();
            if (parameter.isChangeRequired()) {
                boolean required = Boolean.TRUE.equals(parameter.getNewParameter().getRequired());
                (required ? breaks : compatible).add(at + (required ? " now required" : " now optional"));
            }
            metadata(at + ": description", parameter.getDescription());
            FieldChanges.walk(at, parameter.getSchema(), breaks, compatible);
        }
    }

    private void responses(String where, ChangedApiResponse responses) {
        responses.getMissing().keySet().forEach(code -> breaks.add(where + ": response " + code + " removed"));
        responses.getIncreased().keySet().forEach(code -> compatible.add(where + ": response " + code + " added"));
        responses.getChanged().forEach((code, response) -> {
            String at = where + " response " + code;
            metadata(at + ": description", response.getDescription());
            if (response.getHeaders() != null) {
                response.getHeaders().getMissing().keySet().forEach(h -> breaks.add(at + ": header " + h + " removed"));
                response.getHeaders().getIncreased().keySet().forEach(h -> compatible.add(at + ": header " + h + " added"));
            }
            content(at, response.getContent());
        });
    }

    private void content(String where, ChangedContent content) {
        if (content == null) {
            return;
        }
        content.getMissing().keySet().forEach(type -> breaks.add(where + ": media type " + type + " removed"));
        content.getIncreased().keySet().forEach(type -> compatible.add(where + ": media type " + type + " added"));
        content.getChanged().forEach((type, media) -> {
            examples(where, media);
            FieldChanges.walk(where, media.getSchema(), breaks, compatible);
        });
    }

    /** Examples document; they never change what a client may send or receive. */
    private void examples(String where, ChangedMediaType media) {
        Map<String, Object> before = examplesOf(media, true);
        Map<String, Object> after = examplesOf(media, false);
        Set<String> names = new TreeSet<>(before.keySet());
        names.addAll(after.keySet());
        for (String name : names) {
            if (!before.containsKey(name)) {
                compatible.add(where + ": example " + name + " added");
            } else if (!after.containsKey(name)) {
                compatible.add(where + ": example " + name + " removed");
            } else if (!Objects.equals(before.get(name), after.get(name))) {
                compatible.add(where + ": example " + name + " changed");
            }
        }
        if (media.getExample() != null && media.getExample().isChanged().isDifferent()) {
            compatible.add(where + ": example changed");
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> examplesOf(ChangedMediaType media, boolean old) {
        if (media.getExamples() == null) {
            return Map.of();
        }
        Object examples = old ? media.getExamples().getLeftExamples() : media.getExamples().getRightExamples();
        return examples instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    private void metadata(String what, ChangedMetadata metadata) {
        if (metadata != null && metadata.isChanged().isDifferent()) {
            compatible.add(what + " changed");
        }
    }

    /** Generated class names follow schema names: say which appeared or went, though the wire is the same. */
    private void schemaNames(OpenAPI before, OpenAPI after) {
        Set<String> old = schemaNames(before);
        Set<String> now = schemaNames(after);
        old.stream().filter(n -> !now.contains(n))
                .forEach(n -> compatible.add("schema " + n + " no longer in components (its generated class goes)"));
        now.stream().filter(n -> !old.contains(n))
                .forEach(n -> compatible.add("schema " + n + " new in components (a generated class of that name)"));
    }

    private static Set<String> schemaNames(OpenAPI spec) {
        return spec == null || spec.getComponents() == null || spec.getComponents().getSchemas() == null
                ? Set.of() : new TreeSet<>(spec.getComponents().getSchemas().keySet());
    }

    private static String name(Endpoint endpoint) {
        return endpoint.getMethod() + " " + endpoint.getPathUrl();
    }
}
