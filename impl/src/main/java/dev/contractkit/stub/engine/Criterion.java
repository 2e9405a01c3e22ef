package dev.contractkit.stub.engine;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Locale;

/**
 * One criterion of a meter's filter: the event's field compared with a value (always text in the rule, as
 * a vendor's criterion may type it). Operators are read by their letters only, any case, so a vendor's
 * {@code DoesntEqual}, {@code not_equals} or {@code ne} are one; one the stub does not know holds for no event.
 */
public record Criterion(String field, String operator, String value) {

    /** Whether the criterion holds for the field's value in one event (a missing node when the event lacks it). */
    boolean holds(JsonNode actual) {
        boolean present = !actual.isMissingNode() && !actual.isNull();
        return switch (canonical(operator)) {
            case "equals" -> present && same(actual, value);
            case "notequals" -> !present || !same(actual, value);
            case "has" -> present && has(actual, value);
            case "in" -> present && Arrays.stream(value.split(",")).map(String::trim).anyMatch(v -> same(actual, v));
            case "contains" -> present && contains(actual, value);
            case "notcontains" -> !present || !contains(actual, value);
            case "greater" -> compared(actual, value, c -> c > 0);
            case "less" -> compared(actual, value, c -> c < 0);
            case "greaterorequal" -> compared(actual, value, c -> c >= 0);
            case "lessorequal" -> compared(actual, value, c -> c <= 0);
            case "exists" -> present;
            case "notexists" -> !present;
            default -> false;
        };
    }

    private static final java.util.Set<String> KNOWN = java.util.Set.of("equals", "notequals", "has", "in", "contains",
            "notcontains", "greater", "less", "greaterorequal", "lessorequal", "exists", "notexists");

    /** Whether the stub knows what this operator means (a test holds every operator of a vendor's enum to it). */
    public static boolean knows(String operator) {
        return KNOWN.contains(canonical(operator));
    }

    /** The operator's letters, lower case, mapped onto one name per meaning. */
    static String canonical(String operator) {
        String letters = operator == null ? "" : operator.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
        return switch (letters) {
            case "equals", "equal", "eq", "is" -> "equals";
            case "doesntequal", "notequals", "notequal", "ne", "neq", "isnot" -> "notequals";
            case "has" -> "has";
            case "in", "oneof" -> "in";
            case "contains" -> "contains";
            case "doesntcontain", "notcontains", "doesnotcontain" -> "notcontains";
            case "largerthan", "greaterthan", "gt" -> "greater";
            case "lowerthan", "lessthan", "lt" -> "less";
            case "largerequalto", "greaterthanorequal", "greaterorequal", "gte", "ge" -> "greaterorequal";
            case "lowerequalto", "lessthanorequal", "lessorequal", "lte", "le" -> "lessorequal";
            case "exists" -> "exists";
            case "doesntexists", "doesntexist", "notexists", "notexist" -> "notexists";
            default -> letters;
        };
    }

    /** Equal as numbers when both read as numbers (1 and "1.0"), else as text. */
    private static boolean same(JsonNode actual, String expected) {
        BigDecimal a = number(actual);
        BigDecimal b = number(expected);
        return a != null && b != null ? a.compareTo(b) == 0 : actual.isValueNode() && actual.asText().equals(expected);
    }

    /** An array holding the value, an object with that member, or text equal to it. */
    private static boolean has(JsonNode actual, String expected) {
        if (actual.isArray()) {
            for (JsonNode element : actual) {
                if (same(element, expected)) {
                    return true;
                }
            }
            return false;
        }
        return actual.isObject() ? actual.has(expected) : same(actual, expected);
    }

    /** Text holding the value (any case), or an array with an element that is it. */
    private static boolean contains(JsonNode actual, String expected) {
        if (actual.isArray()) {
            return has(actual, expected);
        }
        return actual.isValueNode() && actual.asText().toLowerCase(Locale.ROOT).contains(expected.toLowerCase(Locale.ROOT));
    }

    /** Whether both read as numbers and their comparison passes the test; a value that is no number passes none. */
    private static boolean compared(JsonNode actual, String expected, java.util.function.IntPredicate test) {
        BigDecimal a = number(actual);
        BigDecimal b = number(expected);
        return a != null && b != null && test.test(a.compareTo(b));
    }

    static BigDecimal number(JsonNode node) {
        if (node.isNumber()) {
            return node.decimalValue();
        }
        return node.isTextual() ? number(node.asText()) : null;
    }

    private static BigDecimal number(String text) {
        try {
            return text == null || text.isBlank() ? null : new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
