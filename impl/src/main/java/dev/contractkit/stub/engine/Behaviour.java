package dev.contractkit.stub.engine;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What the stub does for one operation, inferred from where its path stands among the collections.
 *
 * @param collection null for a synthesized operation
 * @param detail     the field a lookup finds by, or the fields an action sets; a missing node otherwise
 * @param reason     for a synthesized operation, the evidence its path, schemas and rules lack (why the
 *                   inference kept nothing for it); null for every other
 */
public record Behaviour(Kind kind, Collection collection, JsonNode detail, String reason) {

    public Behaviour(Kind kind, Collection collection, JsonNode detail) {
        this(kind, collection, detail, null);
    }

    /** A synthesized operation, and why. */
    static Behaviour synthesized(JsonNode rule, String reason) {
        return new Behaviour(Kind.SYNTHESIZED, null, rule, reason);
    }

    public enum Kind {
        /** POST on a collection. */
        CREATE,
        /** GET on an item. */
        READ,
        /** PUT or PATCH on an item: the fields sent are merged. */
        UPDATE,
        DELETE,
        /** GET on a collection: filtered and paginated as its query parameters say. */
        LIST,
        /** GET /customers/externalId/{externalId}: the item whose field holds the value. */
        LOOKUP,
        /**
         * GET /customers/integration/{integrationType}/{integrationId}: the item whose fields (nested ones too) hold
         * the path parameters' values, as x-contract-kit "lookupBy" says or as the item's schema shows (see {@link LookupBy}).
         */
        LOOKUP_BY,
        /** GET on an item's sub-path with x-contract-kit "view": fields computed from the item (see {@link Views}). */
        VIEW,
        /** POST on a collection with x-contract-kit "createsEach": an item for each element of that array. */
        CREATE_EACH,
        /** POST on an item's sub-path with x-contract-kit "set": those fields set on the item. */
        ACTION,
        /** POST with x-contract-kit "appendsTo": an entry appended to that ledger, with the running balance. */
        APPEND,
        /** GET on a path item with x-contract-kit "ledger": the entries of one key, paginated. */
        LEDGER,
        /** POST with x-contract-kit "deletesEach": the items whose ids the body's array holds, removed. */
        DELETE_EACH,
        /** POST with x-contract-kit "dryRun" and "createsEach": answered as the create-each would, nothing stored. */
        DRY_RUN,
        /** x-contract-kit "usage": the stored events measured through the stored meters (see {@link Usage}). */
        USAGE,
        /**
         * POST with x-contract-kit "subscribes": the body kept as a subscription (its callback and the events
         * it names), one per callback and events; listed by the admin API. Nothing is delivered.
         */
        SUBSCRIBE,
        /** Anything else: the documented example, or a value built from the answer's schema. */
        SYNTHESIZED
    }

    /** How the README and the console name it. */
    public String servedAs() {
        return switch (kind) {
            case SYNTHESIZED -> "synthesized";
            case LOOKUP, LOOKUP_BY -> "lookup";
            default -> "stateful";
        };
    }
}
