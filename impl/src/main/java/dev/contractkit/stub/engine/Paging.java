package dev.contractkit.stub.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.contractkit.stub.spec.Operation;
import dev.contractkit.stub.spec.QueryParam;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * How a list operation cuts its answer into pages, read from its own query parameters: the parameter that
 * sizes a page (limit, pageSize, per_page, ...) and those that say where it starts (an opaque cursor or
 * next token, an item id to start after or end before, a 1-based page number, an offset). A list that
 * declares no size parameter is answered whole.
 *
 * @param sizeParam   the size parameter, or null when the operation declares none
 * @param defaultSize the page size when the request gives none
 * @param positions   the position parameters, in the operation's order
 */
record Paging(String sizeParam, int defaultSize, List<Position> positions) {

    /** Where a page starts, as one kind of parameter says it. */
    enum Style {
        /** An opaque token the previous page handed out (cursor, nextToken, pageToken). */
        TOKEN,
        /** The id of the item the page starts after (starting_after, after). */
        AFTER,
        /** The id of the item the page ends before (ending_before, before). */
        BEFORE,
        /** A page number, the first page 1. */
        PAGE,
        /** How many items to skip (offset, skip). */
        OFFSET
    }

    record Position(String param, Style style) {
    }

    /**
     * Without a default of its own, a page is at most 100 items, or the documented maximum when smaller: 100
     * is the most common documented default (Layer's "for most endpoints") and a vendor never answers more
     * than its maximum.
     */
    static final int FALLBACK_SIZE = 100;

    private static final Set<String> SIZES = Set.of("limit", "pagesize", "perpage", "size", "maxresults", "maxitems",
            "count", "first", "top", "take", "pagelimit", "numresults", "resultsperpage", "maxrecords", "maxpagesize");
    private static final Set<String> TOKENS = Set.of("cursor", "nexttoken", "pagetoken", "nextpagetoken", "continuationtoken",
            "nextcursor", "pagecursor", "marker", "starttoken", "startingtoken", "paginationtoken");
    private static final Set<String> AFTERS = Set.of("startingafter", "after", "afterid", "startafter");
    private static final Set<String> BEFORES = Set.of("endingbefore", "before", "beforeid", "endbefore");
    private static final Set<String> PAGES = Set.of("page", "pagenumber", "pageno", "pagenum");
    private static final Set<String> OFFSETS = Set.of("offset", "skip", "startindex");

    static Paging of(Operation operation) {
        String sizeParam = null;
        int defaultSize = FALLBACK_SIZE;
        List<Position> positions = new ArrayList<>();
        for (QueryParam param : operation.queryParams().values()) {
            String name = normal(param.name());
            JsonNode schema = param.schemaNode();
            boolean number = isNumber(schema);
            if (sizeParam == null && SIZES.contains(name) && number) {
                sizeParam = param.name();
                defaultSize = defaultSize(param);
            } else if (TOKENS.contains(name) || PAGES.contains(name) && !number) {
                positions.add(new Position(param.name(), Style.TOKEN));
            } else if (AFTERS.contains(name)) {
                positions.add(new Position(param.name(), Style.AFTER));
            } else if (BEFORES.contains(name)) {
                positions.add(new Position(param.name(), Style.BEFORE));
            } else if (PAGES.contains(name)) {
                positions.add(new Position(param.name(), Style.PAGE));
            } else if (OFFSETS.contains(name) && number) {
                positions.add(new Position(param.name(), Style.OFFSET));
            }
        }
        return new Paging(sizeParam, defaultSize, List.copyOf(positions));
    }

    boolean paged() {
        return sizeParam != null;
    }

    /** The parameters that page rather than filter. */
    Set<String> params() {
        Set<String> names = new LinkedHashSet<>();
        if (sizeParam != null) {
            names.add(sizeParam);
        }
        positions.forEach(p -> names.add(p.param()));
        return names;
    }

    /** How the next page is asked for: the first position parameter's style; TOKEN when there is none. */
    Style nextStyle() {
        return positions.isEmpty() ? Style.TOKEN : positions.get(0).style();
    }

    private static int defaultSize(QueryParam param) {
        JsonNode declared = param.definition().has("schema") ? param.schemaNode().path("default") : param.definition().path("default");
        if (declared.canConvertToInt() && declared.asInt() > 0) {
            return declared.asInt();
        }
        JsonNode maximum = param.schemaNode().path("maximum");
        return maximum.isNumber() && maximum.asInt() > 0 ? Math.min(maximum.asInt(), FALLBACK_SIZE) : FALLBACK_SIZE;
    }

    private static boolean isNumber(JsonNode schema) {
        String type = schema.path("type").asText("");
        return type.equals("integer") || type.equals("number");
    }

    /** pageSize, page_size, per-page and PerPage read alike. */
    static String normal(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }
}
