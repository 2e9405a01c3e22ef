package dev.contractkit.stub.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.contractkit.stub.error.StubException;
import dev.contractkit.stub.error.Violation;
import dev.contractkit.stub.http.ValidatedRequest;
import dev.contractkit.stub.spec.Operation;
import dev.contractkit.stub.spec.QueryParam;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A list as its query parameters ask: hidden items left out (x-contract-kit listHides), filtered by the
 * parameters that name a field (equal) or a field and "_contains" (a substring, any case), sorted
 * (sort_by, sort_order), and cut into pages (limit, cursor).
 */
final class Listing {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final Set<String> PAGING = Set.of("limit", "cursor", "sort_by", "sort_order", "sortBy",
            "sortOrder", "show_total_count");
    private static final int DEFAULT_LIMIT = 100;

    /** The page and the values of the pagination fields an answer may declare, by their names. */
    record Page(List<ObjectNode> items, Map<String, JsonNode> pagination) {
    }

    private final Schemas schemas;

    Listing(Schemas schemas) {
        this.schemas = schemas;
    }

    Page page(Operation operation, Collection collection, List<ObjectNode> all, ValidatedRequest request) {
        List<ObjectNode> kept = new ArrayList<>();
        for (ObjectNode item : all) {
            if (!hidden(collection, item, request) && matches(operation, collection, item, request)) {
                kept.add(item);
            }
        }
        String sortBy = first(request, "sort_by", "sortBy");
        if (sortBy != null) {
            kept.sort(Comparator.comparing((ObjectNode item) -> item.path(sortBy).asText("")));
        }
        String order = first(request, "sort_order", "sortOrder");
        if ("DESC".equalsIgnoreCase(order)) {
            java.util.Collections.reverse(kept);
        }
        int limit = limit(operation, request);
        int offset = offset(request.queryValue("cursor"));
        int end = Math.min(kept.size(), offset + limit);
        List<ObjectNode> page = offset >= kept.size() ? List.of() : kept.subList(offset, end);
        boolean more = end < kept.size();
        JsonNode next = more ? JSON.textNode(cursor(end)) : JSON.nullNode();
        Map<String, JsonNode> pagination = new HashMap<>();
        for (String name : List.of("hasMore", "has_more")) {
            pagination.put(name, JSON.booleanNode(more));
        }
        for (String name : List.of("nextCursor", "next_cursor", "cursor", "next")) {
            pagination.put(name, next);
        }
        // Layer answers total_count only when show_total_count=true is asked: otherwise it is left out.
        boolean countAsked = !operation.queryParams().containsKey("show_total_count")
                || "true".equals(request.queryValue("show_total_count"));
        if (countAsked) {
            for (String name : List.of("total", "totalCount", "total_count", "count")) {
                pagination.put(name, JSON.numberNode(kept.size()));
            }
        }
        JsonNode sortedBy = sortBy == null ? JSON.nullNode() : JSON.textNode(sortBy);
        pagination.put("sort_by", sortedBy);
        pagination.put("sortBy", sortedBy);
        String sortOrder = order == null ? "ASC" : order.toUpperCase(Locale.ROOT);
        pagination.put("sort_order", JSON.textNode(sortOrder));
        pagination.put("sortOrder", JSON.textNode(sortOrder));
        pagination.put("limit", JSON.numberNode(limit));
        return new Page(List.copyOf(page), pagination);
    }

    /** Left out unless asked for: Layer's archived customers, without include_archived=true. */
    private static boolean hidden(Collection collection, ObjectNode item, ValidatedRequest request) {
        JsonNode hides = collection.rules().path("listHides");
        if (hides.isMissingNode()) {
            return false;
        }
        boolean asked = "true".equals(request.queryValue(hides.path("unlessParam").asText()));
        return !asked && item.path(hides.path("field").asText()).asText().equals(hides.path("value").asText());
    }

    private boolean matches(Operation operation, Collection collection, ObjectNode item, ValidatedRequest request) {
        String hiding = collection.rules().path("listHides").path("unlessParam").asText();
        for (QueryParam param : operation.queryParams().values()) {
            String value = request.queryValue(param.name());
            if (value == null || PAGING.contains(param.name()) || param.name().equals(hiding)) {
                continue;
            }
            boolean contains = param.name().endsWith("_contains") || param.name().endsWith("Contains");
            String base = contains ? param.name().substring(0, param.name().length() - "_contains".length() + (param.name().endsWith("Contains") ? 1 : 0)) : param.name();
            List<String> fields = param.rule("fields").isArray() ? Collection.texts(param.rule("fields")) : List.of(base);
            if (fields.stream().noneMatch(f -> !schemas.property(collection.itemSchema(), f).isMissingNode())) {
                continue; // a parameter that names no field of the item does not filter
            }
            if (fields.stream().noneMatch(f -> fits(item.get(f), value, contains))) {
                return false;
            }
        }
        return true;
    }

    private static boolean fits(JsonNode field, String value, boolean contains) {
        if (field == null || field.isNull()) {
            return false;
        }
        String text = field.asText();
        return contains ? text.toLowerCase(Locale.ROOT).contains(value.toLowerCase(Locale.ROOT)) : text.equals(value);
    }

    private static int limit(Operation operation, ValidatedRequest request) {
        String given = request.queryValue("limit");
        if (given != null) {
            return Integer.parseInt(given);
        }
        QueryParam param = operation.queryParams().get("limit");
        return param == null ? DEFAULT_LIMIT : param.schemaNode().path("default").asInt(DEFAULT_LIMIT);
    }

    private static String first(ValidatedRequest request, String... names) {
        for (String name : names) {
            if (request.queryValue(name) != null) {
                return request.queryValue(name);
            }
        }
        return null;
    }

    private static String cursor(int offset) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("o:" + offset).getBytes(StandardCharsets.UTF_8));
    }

    /** A cursor this stub gave out: 400 naming the parameter for any other. */
    private static int offset(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return 0;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (text.matches("o:\\d{1,9}")) {
                return Integer.parseInt(text.substring(2));
            }
        } catch (IllegalArgumentException notBase64) {
            // answered below
        }
        throw new StubException(dev.contractkit.stub.error.ErrorKind.BAD_CURSOR, "The cursor was not handed out by this list",
                List.of(new Violation("cursor", "is not a cursor this API gave out", false)));
    }
}
