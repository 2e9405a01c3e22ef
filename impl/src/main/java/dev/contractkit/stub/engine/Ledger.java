package dev.contractkit.stub.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.contractkit.stub.refusal.ErrorKind;
import dev.contractkit.stub.refusal.StubException;
import dev.contractkit.stub.spec.Violation;
import dev.contractkit.stub.store.ResourceStore;
import java.math.BigDecimal;
import java.util.List;

/**
 * A ledger (x-contract-kit "ledger" on the list's path item): entries appended by the operations that name it
 * ("appendsTo"), each with its amount and the running balance, kept per key (Vayu's credits, per customerId).
 * The key is a query parameter of the list and a field of the appending body; where the rule names an owner
 * collection, the key must be one of its items. A balance may not fall below "notBelow" when the rule says so.
 */
final class Ledger {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final ResourceStore store;
    private final Items items;
    private final ResourceModel model;
    private final Scopes scopes;

    Ledger(ResourceModel model, ResourceStore store, Scopes scopes) {
        this.model = model;
        this.store = store;
        this.scopes = scopes;
        this.items = new Items(model.schemas());
    }

    /** The entry an appending operation makes: its amount (signed as the rule says), the balance after it. */
    ObjectNode append(Collection ledger, JsonNode rule, JsonNode sent) {
        JsonNode spec = ledger.rules();
        String keyField = spec.path("keyedBy").asText();
        String amountField = rule.path("amount").asText("amount");
        Batches.requireBody(sent, keyField, amountField);
        String key = sent.path(keyField).asText("");
        if (!sent.path(amountField).isNumber()) { // a schema may leave it optional; an entry needs an amount
            throw StubException.invalid(List.of(new Violation(amountField, "is required, a number", true)));
        }
        owned(spec, key);
        BigDecimal amount = sent.path(amountField).decimalValue();
        BigDecimal signed = rule.path("sign").asInt(1) < 0 ? amount.negate() : amount;
        String balanceField = spec.path("balance").asText("balance");
        return store.inScope(ledger.template(), key, true, s -> {
            List<ObjectNode> entries = s.items();
            BigDecimal before = entries.isEmpty() ? BigDecimal.ZERO : entries.get(entries.size() - 1).path(balanceField).decimalValue();
            BigDecimal after = before.add(signed);
            if (spec.has("notBelow") && after.compareTo(spec.get("notBelow").decimalValue()) < 0) {
                String balance = plain(before);
                throw StubException.invalid(List.of(new Violation(amountField, signed.signum() < 0
                        ? "is more than the balance of " + balance
                        : "would take the balance of " + balance + " below " + plain(spec.get("notBelow").decimalValue()), false)));
            }
            ObjectNode entry = JSON.objectNode();
            entry.set(spec.path("amount").asText("amount"), number(amount));
            entry.set(balanceField, number(after));
            if (rule.path("set").isObject()) {
                entry.setAll((ObjectNode) rule.get("set").deepCopy());
            }
            ObjectNode created = items.created(entry, ledger, () -> entries.size(), id -> s.get(id) != null);
            return s.put(created.path(ledger.idField()).asText(), created, List.of(), ledger.noun());
        }).orElseThrow();
    }

    /** 100 as 100 and 12.5 as 12.5: a stripped BigDecimal would be written 1E+2, which no vendor answers. */
    private static JsonNode number(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        if (stripped.scale() <= 0 && stripped.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) < 0) {
            return JSON.numberNode(stripped.longValueExact());
        }
        return JSON.numberNode(new BigDecimal(stripped.toPlainString()));
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    /** The entries of one key, oldest first: none for a key nothing was appended to (its owner must exist). */
    List<ObjectNode> entries(Collection ledger, String key) {
        owned(ledger.rules(), key);
        return store.inScope(ledger.template(), key, false, ResourceStore.Scope::items).orElse(List.of());
    }

    /** A key naming no item of the owner collection the rule names is that collection's 404. */
    private void owned(JsonNode spec, String key) {
        String owner = spec.path("owner").asText(null);
        if (owner == null) {
            return;
        }
        for (Collection collection : model.collections()) {
            if (collection.template().equals(owner) && collection.scopeParams().isEmpty()
                    && store.inScope(owner, "", false, s -> s.get(key)).isEmpty()) {
                throw new StubException(ErrorKind.NOT_FOUND, scopes.notFoundMessage(collection.noun(), key));
            }
        }
    }
}
