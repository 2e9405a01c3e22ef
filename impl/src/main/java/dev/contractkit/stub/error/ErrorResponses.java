package dev.contractkit.stub.error;

import com.fasterxml.jackson.databind.JsonNode;
import dev.contractkit.stub.spec.OpenApiSpec;
import dev.contractkit.stub.spec.Operation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * Which documented response an error is answered in: the operation's response for the status, else its
 * 4XX/5XX range, else its {@code default}; where the operation documents none (or nothing was routed), the
 * same looked up over the whole document, taking the schema most operations use (the vendor's common error
 * envelope), then any error response of the status's class, then a reusable response or schema named
 * as an error.
 */
final class ErrorResponses {

    /** A documented error body: its schema, by pointer into the spec, and the media type it is served with. */
    record Documented(String schemaPointer, String mediaType) {
    }

    /** The names a vendor gives its error responses and schemas. */
    private static final java.util.regex.Pattern ERROR_NAME = java.util.regex.Pattern.compile(
            "error|problem|fault|fail|badrequest|notfound|unauthori|forbidden|conflict|invalidrequest|invalidparam|toomany|ratelimit|unprocessable");

    private final OpenApiSpec spec;
    private final JsonNode document;
    private final Map<Integer, Optional<Documented>> documentWide = new ConcurrentHashMap<>();
    private final Map<String, Optional<Documented>> byOperation = new ConcurrentHashMap<>();

    ErrorResponses(OpenApiSpec spec) {
        this.spec = spec;
        this.document = spec.document();
    }

    /** The documented error response for this status, or null when the spec documents no error body at all. */
    Documented find(Operation operation, int status) {
        Optional<Documented> own = operation == null ? Optional.empty()
                : byOperation.computeIfAbsent(operation.pointer() + " " + status, key -> Optional.ofNullable(ofOperation(operation.pointer(), status)));
        return own.or(() -> documentWide.computeIfAbsent(status, s -> Optional.ofNullable(ofDocument(s)))).orElse(null);
    }

    private Documented ofOperation(String operationPointer, int status) {
        for (String key : keys(status)) {
            Documented documented = documented(operationPointer + "/responses/" + key);
            if (documented != null) {
                return documented;
            }
        }
        return null;
    }

    /** The status, its range (as written: 4XX, or 4xx) and default, in the order they apply. */
    private static List<String> keys(int status) {
        return List.of(String.valueOf(status), status / 100 + "XX", status / 100 + "xx", "default");
    }

    private Documented ofDocument(int status) {
        for (String key : keys(status)) {
            Documented common = mostCommon(key::equals);
            if (common != null) {
                return common;
            }
        }
        String family = String.valueOf(status / 100);
        Documented sameClass = mostCommon(key -> key.startsWith(family));
        if (sameClass != null) {
            return sameClass;
        }
        Documented anyError = mostCommon(key -> key.startsWith("4") || key.startsWith("5"));
        return anyError != null ? anyError : components();
    }

    /** Of the responses whose status key passes, over all operations: the schema most of them use. */
    private Documented mostCommon(Predicate<String> statusKey) {
        Map<String, Documented> first = new LinkedHashMap<>();
        Map<String, Integer> uses = new LinkedHashMap<>();
        for (Operation operation : spec.operations()) {
            document.at(operation.pointer() + "/responses").fieldNames().forEachRemaining(key -> {
                if (statusKey.test(key)) {
                    Documented documented = documented(operation.pointer() + "/responses/" + key);
                    if (documented != null) {
                        String schema = spec.resolvedPointer(documented.schemaPointer());
                        first.putIfAbsent(schema, documented);
                        uses.merge(schema, 1, Integer::sum);
                    }
                }
            });
        }
        return uses.entrySet().stream().max(Map.Entry.comparingByValue()).map(e -> first.get(e.getKey())).orElse(null);
    }

    /**
     * Where no operation documents an error body: a reusable response named as an error (BadRequest,
     * ErrorResponse, NotFound ...), else a schema so named (Error, Problem), served as JSON.
     */
    private Documented components() {
        for (String name : errorNamed("responses")) {
            Documented documented = documented("/components/responses/" + escape(name));
            if (documented != null) {
                return documented;
            }
        }
        List<String> schemas = errorNamed("schemas");
        schemas.sort(java.util.Comparator.comparingInt(String::length)); // Error before ValidationErrorDetail
        return schemas.isEmpty() ? null : new Documented("/components/schemas/" + escape(schemas.get(0)), "application/json");
    }

    private List<String> errorNamed(String components) {
        List<String> names = new ArrayList<>();
        document.path("components").path(components).fieldNames().forEachRemaining(name -> {
            if (ERROR_NAME.matcher(name.toLowerCase(java.util.Locale.ROOT)).find()) {
                names.add(name);
            }
        });
        return names;
    }

    /** The response at this pointer ($ref followed), when it has a JSON body with a schema. */
    private Documented documented(String responsePointer) {
        String response = spec.resolvedPointer(responsePointer);
        JsonNode content = document.at(response + "/content");
        String mediaType = jsonMediaType(content);
        if (mediaType == null) {
            return null;
        }
        // A body documented for */* is served as JSON, the only kind of body built here.
        return new Documented(response + "/content/" + escape(mediaType) + "/schema",
                mediaType.contains("*") ? "application/json" : mediaType);
    }

    /** application/json first, then application/problem+json, then any other JSON type, each with a schema. */
    private static String jsonMediaType(JsonNode content) {
        String best = null;
        int bestRank = Integer.MAX_VALUE;
        for (var it = content.fields(); it.hasNext(); ) {
            var entry = it.next();
            String type = entry.getKey().toLowerCase(java.util.Locale.ROOT);
            int rank = type.startsWith("application/json") ? 0 : type.startsWith("application/problem+json") ? 1
                    : type.contains("+json") || type.contains("/json") ? 2 : type.equals("*/*") ? 3 : -1;
            if (rank >= 0 && rank < bestRank && entry.getValue().has("schema")) {
                best = entry.getKey();
                bestRank = rank;
            }
        }
        return best;
    }

    private static String escape(String member) {
        return member.replace("~", "~0").replace("/", "~1");
    }
}
