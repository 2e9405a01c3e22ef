package dev.contractkit.stub.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.contractkit.stub.refusal.StubException;
import dev.contractkit.stub.spec.Violation;
import dev.contractkit.stub.spec.ValidatedRequest;
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
 * (sort_by, sort_order), and cut into pages as the operation's own parameters say ({@link Paging}).
 */
final class Listing {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final Set<String> SORTING = Set.of("sort_by", "sort_order", "sortBy", "sortOrder", "show_total_count");

    /** The answer's fields that carry what comes next, by the names vendors give them. */
    private static final List<String> NEXT = List.of("nextCursor", "next_cursor", "cursor", "next", "nextToken", "next_token",
            "nextPageToken", "next_page_token", "nextPage", "next_page", "continuationToken", "continuation_token",
            "nextMarker", "next_marker", "endCursor", "end_cursor", "nextPageCursor", "next_page_cursor");
    private static final List<String> PREVIOUS = List.of("prevCursor", "prev_cursor", "previousCursor", "previous_cursor",
            "prevToken", "prev_token", "previousToken", "previous_token", "previousPageToken", "previous_page_token",
            "prevPage", "prev_page", "previousPage", "previous_page", "startCursor", "start_cursor");
    private static final List<String> MORE = List.of("hasMore", "has_more", "hasNext", "has_next", "hasNextPage",
            "has_next_page", "more");
    private static final List<String> EARLIER = List.of("hasPrevious", "has_previous", "hasPreviousPage", "has_previous_page",
            "hasPrev", "has_prev");
    private static final List<String> TOTAL = List.of("total", "totalCount", "total_count", "count", "totalItems", "total_items",
            "totalResults", "total_results", "totalElements", "total_elements", "totalRecords", "total_records", "totalSize",
            "total_size", "itemCount", "item_count", "totalItemCount", "total_item_count");
    private static final List<String> PAGE = List.of("page", "currentPage", "current_page", "pageNumber", "page_number");
    private static final List<String> PAGES = List.of("totalPages", "total_pages", "pageCount", "page_count", "lastPage",
            "last_page");
    private static final List<String> SIZE = List.of("limit", "perPage", "per_page", "pageSize", "page_size", "size",
            "maxResults", "max_results");
    private static final List<String> OFFSET = List.of("offset", "skip");

    /** The page and the values of the pagination fields an answer may declare, by their names. */
    record Page(List<ObjectNode> items, Map<String, JsonNode> pagination) {
    }

    /** Where a page starts and ends in the list. */
    private record Window(int start, int end) {
    }

    private final Schemas schemas;
    private final Map<String, Paging> pagings = new java.util.concurrent.ConcurrentHashMap<>();

    Listing(Schemas schemas) {
        this.schemas = schemas;
    }

    Page page(Operation operation, Collection collection, List<ObjectNode> all, ValidatedRequest request) {
        Paging paging = pagings.computeIfAbsent(operation.pointer(), p -> Paging.of(operation));
        List<ObjectNode> kept = new ArrayList<>();
        for (ObjectNode item : all) {
            if (!hidden(collection, item, request) && matches(operation, paging, collection, item, request)) {
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
        int size = paging.paged() ? size(paging, request) : Math.max(1, kept.size());
        Window window = window(paging, collection, kept, size, request);
        List<ObjectNode> page = window.start() >= window.end() ? List.of() : kept.subList(window.start(), window.end());
        Map<String, JsonNode> pagination = pagination(operation, paging, collection, kept.size(), size, window, page, request);
        JsonNode sortedBy = sortBy == null ? JSON.nullNode() : JSON.textNode(sortBy);
        pagination.put("sort_by", sortedBy);
        pagination.put("sortBy", sortedBy);
        String sortOrder = order == null ? "ASC" : order.toUpperCase(Locale.ROOT);
        pagination.put("sort_order", JSON.textNode(sortOrder));
        pagination.put("sortOrder", JSON.textNode(sortOrder));
        return new Page(List.copyOf(page), pagination);
    }

    /** The values of every pagination field an answer may declare; Answers fills those its schema has. */
    private static Map<String, JsonNode> pagination(Operation operation, Paging paging, Collection collection, int total,
            int size, Window window, List<ObjectNode> page, ValidatedRequest request) {
        boolean more = window.end() < total;
        int number = window.start() / Math.max(1, size) + 1;
        JsonNode next = !more ? JSON.nullNode() : switch (paging.nextStyle()) {
            case TOKEN -> JSON.textNode(cursor(window.end()));
            case AFTER, BEFORE -> page.isEmpty() ? JSON.nullNode() : page.get(page.size() - 1).path(collection.idField());
            case PAGE -> JSON.numberNode(number + 1);
            case OFFSET -> JSON.numberNode(window.end());
        };
        boolean earlier = window.start() > 0;
        JsonNode previous = !earlier ? JSON.nullNode() : switch (paging.nextStyle()) {
            case TOKEN -> JSON.textNode(cursor(Math.max(0, window.start() - size)));
            case AFTER, BEFORE -> page.isEmpty() ? JSON.nullNode() : page.get(0).path(collection.idField());
            case PAGE -> JSON.numberNode(number - 1);
            case OFFSET -> JSON.numberNode(Math.max(0, window.start() - size));
        };
        Map<String, JsonNode> pagination = new HashMap<>();
        NEXT.forEach(name -> pagination.put(name, next));
        PREVIOUS.forEach(name -> pagination.put(name, previous));
        MORE.forEach(name -> pagination.put(name, JSON.booleanNode(more)));
        EARLIER.forEach(name -> pagination.put(name, JSON.booleanNode(earlier)));
        // Layer answers total_count only when show_total_count=true is asked: otherwise it is left out.
        boolean countAsked = !operation.queryParams().containsKey("show_total_count")
                || "true".equals(request.queryValue("show_total_count"));
        if (countAsked) {
            TOTAL.forEach(name -> pagination.put(name, JSON.numberNode(total)));
        }
        PAGE.forEach(name -> pagination.put(name, JSON.numberNode(number)));
        PAGES.forEach(name -> pagination.put(name, JSON.numberNode(Math.max(1, (total + size - 1) / Math.max(1, size)))));
        SIZE.forEach(name -> pagination.put(name, JSON.numberNode(size)));
        OFFSET.forEach(name -> pagination.put(name, JSON.numberNode(window.start())));
        return pagination;
    }

    /** The page's bounds: from the position parameter the request gives (the first of them), else the start. */
    private static Window window(Paging paging, Collection collection, List<ObjectNode> kept, int size, ValidatedRequest request) {
        for (Paging.Position position : paging.positions()) {
            String value = request.queryValue(position.param());
            if (value == null || value.isEmpty()) {
                continue;
            }
            int start = switch (position.style()) {
                case TOKEN -> offset(position.param(), value);
                case AFTER -> indexOf(collection, kept, position.param(), value) + 1;
                case BEFORE -> Math.max(0, indexOf(collection, kept, position.param(), value) - size);
                case PAGE -> (int) Math.min(Integer.MAX_VALUE, (number(position.param(), value, 1) - 1) * (long) size);
                case OFFSET -> (int) Math.min(Integer.MAX_VALUE, number(position.param(), value, 0));
            };
            int end = position.style() == Paging.Style.BEFORE ? indexOf(collection, kept, position.param(), value)
                    : (int) Math.min(kept.size(), (long) start + size);
            return new Window(Math.min(start, kept.size()), Math.max(Math.min(start, kept.size()), end));
        }
        return new Window(0, Math.min(kept.size(), size));
    }

    /** Where the item of this id stands in the list: 400 naming the parameter when the list holds none. */
    private static int indexOf(Collection collection, List<ObjectNode> kept, String param, String id) {
        for (int i = 0; i < kept.size(); i++) {
            if (kept.get(i).path(collection.idField()).asText().equals(id)) {
                return i;
            }
        }
        throw unknown(param);
    }

    /** The size asked for, else the operation's default. */
    private static int size(Paging paging, ValidatedRequest request) {
        String given = request.queryValue(paging.sizeParam());
        if (given != null) {
            try {
                return Math.max(0, (int) Double.parseDouble(given));
            } catch (NumberFormatException notNumber) {
                return paging.defaultSize(); // the request validator refuses what its schema does not allow
            }
        }
        return paging.defaultSize();
    }

    private static long number(String param, String value, long least) {
        try {
            long number = (long) Double.parseDouble(value);
            if (number >= least) {
                return number;
            }
        } catch (NumberFormatException notNumber) {
            // answered below
        }
        throw unknown(param);
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

    private boolean matches(Operation operation, Paging paging, Collection collection, ObjectNode item, ValidatedRequest request) {
        String hiding = collection.rules().path("listHides").path("unlessParam").asText();
        for (QueryParam param : operation.queryParams().values()) {
            String value = request.queryValue(param.name());
            if (value == null || SORTING.contains(param.name()) || paging.params().contains(param.name())
                    || param.name().equals(hiding)) {
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

    /** The offset inside a token this stub gave out: 400 naming the parameter for any other. */
    private static int offset(String param, String token) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            if (text.matches("o:\\d{1,9}")) {
                return Integer.parseInt(text.substring(2));
            }
        } catch (IllegalArgumentException notBase64) {
            // answered below
        }
        throw unknown(param);
    }

    /** The vendor's 400 for a position this list did not hand out, naming the parameter (Layer's PaginationCursor). */
    private static StubException unknown(String param) {
        return new StubException(dev.contractkit.stub.refusal.ErrorKind.BAD_CURSOR, "The " + param + " was not handed out by this list",
                List.of(new Violation(param, "is not a " + param + " this API gave out", false)));
    }
}
