package dev.contractkit.specgate;

import io.swagger.v3.oas.models.media.Schema;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.openapitools.openapidiff.core.model.ChangedSchema;

/**
 * The changes of one schema and its fields, each worded by what changed (type, format, pattern, bounds,
 * enum, nullable, required) and judged by the side it is on: a request must keep accepting what it
 * accepted, an answer must keep giving what clients read, and generated code must still compile.
 */
final class FieldChanges {

    /** String formats the generator maps to a type of their own (OffsetDateTime, UUID, ...): a change breaks code. */
    private static final Set<String> TYPED_FORMATS = Set.of("date", "date-time", "uuid", "uri", "byte", "binary");

    private final String where;
    private final List<String> breaks;
    private final List<String> compatible;

    private FieldChanges(String where, List<String> breaks, List<String> compatible) {
        this.where = where;
        this.breaks = breaks;
        this.compatible = compatible;
    }

    static void walk(String where, ChangedSchema schema, List<String> breaks, List<String> compatible) {
        new FieldChanges(where, breaks, compatible).schema("", schema);
    }

    private void schema(String field, ChangedSchema schema) {
        if (schema == null || schema.getOldSchema() == null || schema.getNewSchema() == null) {
            return;
        }
        boolean response = schema.getContext() != null && schema.getContext().isResponse();
        String at = field.isEmpty() ? where : where + ": field " + field;
        String prefix = field.isEmpty() ? "" : field + ".";
        Schema<?> before = schema.getOldSchema();
        Schema<?> after = schema.getNewSchema();
        properties(prefix, schema, response);
        if (!Objects.equals(before.getType(), after.getType())) {
            breaks.add(at + " changed type from " + before.getType() + " to " + after.getType());
        }
        format(at, before.getFormat(), after.getFormat(), response);
        pattern(at, before.getPattern(), after.getPattern(), response);
        bounds(at, before, after, response);
        enumeration(at, schema, response);
        nullable(at, before.getNullable(), after.getNullable(), response);
        if (schema.getDescription() != null && schema.getDescription().isChanged().isDifferent()) {
            compatible.add(at + " description changed");
        }
        if (!Objects.equals(before.getExample(), after.getExample())) {
            compatible.add(at + " example changed");
        }
        schema.getChangedProperties().forEach((name, child) -> schema(prefix + name, child));
        schema(field + "[]", schema.getItems());
    }

    private void properties(String prefix, ChangedSchema schema, boolean response) {
        List<String> newlyRequired = schema.getRequired() == null ? List.of() : schema.getRequired().getIncreased();
        names(schema.getMissingProperties()).forEach(p -> breaks.add(where + ": field " + prefix + p + " removed"));
        for (String added : names(schema.getIncreasedProperties())) {
            boolean required = newlyRequired.contains(added);
            (required && !response ? breaks : compatible)
                    .add(where + ": new " + (required ? "required" : "optional") + " field " + prefix + added);
        }
        if (schema.getRequired() == null) {
            return;
        }
        for (String now : newlyRequired) {
            if (!names(schema.getIncreasedProperties()).contains(now)) {
                (response ? compatible : breaks).add(where + ": field " + prefix + now + " now required");
            }
        }
        for (String optional : schema.getRequired().getMissing()) {
            if (!names(schema.getMissingProperties()).contains(optional)) {
                (response ? breaks : compatible).add(where + ": field " + prefix + optional + " no longer required"
                        + (response ? ": answers may leave it out" : ""));
            }
        }
    }

    /** A request may refuse what it accepted under a new format; a typed format changes the generated type. */
    private void format(String at, String before, String after, boolean response) {
        if (Objects.equals(before, after)) {
            return;
        }
        String what = before == null ? " format " + after + " added" : after == null ? " format " + before + " removed"
                : " format changed from " + before + " to " + after;
        boolean typed = (before != null && TYPED_FORMATS.contains(before)) || (after != null && TYPED_FORMATS.contains(after));
        (typed || (!response && after != null) ? breaks : compatible).add(at + what);
    }

    /** No regex is proven looser than another: a new or changed pattern on a request is a break. */
    private void pattern(String at, String before, String after, boolean response) {
        if (Objects.equals(before, after)) {
            return;
        }
        String what = before == null ? " pattern " + after + " added" : after == null ? " pattern " + before + " removed"
                : " pattern changed from " + before + " to " + after;
        (!response && after != null ? breaks : compatible).add(at + what);
    }

    private void bounds(String at, Schema<?> before, Schema<?> after, boolean response) {
        bound(at, "minLength", before, after, s -> decimal(s.getMinLength()), true, response);
        bound(at, "maxLength", before, after, s -> decimal(s.getMaxLength()), false, response);
        bound(at, "minimum", before, after, Schema::getMinimum, true, response);
        bound(at, "maximum", before, after, Schema::getMaximum, false, response);
        bound(at, "minItems", before, after, s -> decimal(s.getMinItems()), true, response);
        bound(at, "maxItems", before, after, s -> decimal(s.getMaxItems()), false, response);
    }

    /** A bound that narrows what a request accepts breaks; answers within tighter bounds are still read. */
    private void bound(String at, String name, Schema<?> before, Schema<?> after, Function<Schema<?>, BigDecimal> value,
            boolean lower, boolean response) {
        BigDecimal old = value.apply(before);
        BigDecimal now = value.apply(after);
        if (Objects.equals(old, now) || (old != null && now != null && old.compareTo(now) == 0)) {
            return;
        }
        boolean narrowed = now != null && (old == null || (lower ? now.compareTo(old) > 0 : now.compareTo(old) < 0));
        (narrowed && !response ? breaks : compatible)
                .add(at + " " + name + " " + (old == null ? "none" : old.toPlainString()) + " → " + (now == null ? "none" : now.toPlainString()));
    }

    private void enumeration(String at, ChangedSchema schema, boolean response) {
        if (schema.getEnumeration() == null) {
            return;
        }
        List<?> removed = schema.getEnumeration().getMissing();
        List<?> added = schema.getEnumeration().getIncreased();
        Schema<?> now = schema.getNewSchema();
        if (!removed.isEmpty() && added.isEmpty() && now != null && (now.getEnum() == null || now.getEnum().isEmpty())) {
            // No enum left: a request takes any value now, and an answer may carry one no reader knows.
            (response ? breaks : compatible).add(at + (response ? " enum dropped in a response: any value may be answered"
                    : " enum dropped: any value accepted"));
            return;
        }
        if (!removed.isEmpty()) {
            (response ? compatible : breaks).add(at + " enum narrowed: " + removed + " removed");
        }
        if (!added.isEmpty()) {
            (response ? breaks : compatible).add(at + " enum widened" + (response ? " in a response" : "") + ": " + added + " added");
        }
    }

    /** null where none was sent back breaks readers; a request that no longer takes null breaks senders. */
    private void nullable(String at, Boolean before, Boolean after, boolean response) {
        boolean was = Boolean.TRUE.equals(before);
        boolean is = Boolean.TRUE.equals(after);
        if (was != is) {
            (response == is ? breaks : compatible).add(at + (is ? " now nullable" : " no longer nullable"));
        }
    }

    /** One minLength change, worded and judged as the other bounds are (for MinLengthChanges). */
    static void minLength(String at, Schema<?> before, Schema<?> after, boolean response, List<String> breaks,
            List<String> compatible) {
        new FieldChanges(at, breaks, compatible).bound(at, "minLength", before, after, s -> decimal(s.getMinLength()), true, response);
    }

    private static BigDecimal decimal(Integer value) {
        return value == null ? null : BigDecimal.valueOf(value);
    }

    private static List<String> names(Map<String, Schema<?>> properties) {
        return properties == null ? List.of() : List.copyOf(properties.keySet());
    }
}
