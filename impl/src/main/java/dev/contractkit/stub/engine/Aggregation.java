package dev.contractkit.stub.engine;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * A meter's operator over the events it measures (oldest first), reading each event's field. Operators are
 * read by their letters, any case ({@code Count}, {@code COUNT} or
 * {@code unique_count}). An event whose field holds no number is left out of a numeric operator; with no
 * number at all, the usage is 0. An operator the stub does not know measures 0.
 */
final class Aggregation {

    private Aggregation() {
    }

    /** Whether the stub knows what this operator means: it measures something other than an unknown's 0. */
    static boolean knows(String operator) {
        return !canonical(operator).isEmpty();
    }

    private static String canonical(String operator) {
        String letters = operator == null ? "" : operator.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
        return switch (letters) {
            case "count" -> "count";
            case "distinct", "uniquecount", "countdistinct", "unique" -> "distinct";
            case "sum" -> "sum";
            case "max", "maximum" -> "max";
            case "min", "minimum" -> "min";
            case "average", "avg", "mean" -> "average";
            case "first", "oldest", "earliest" -> "first";
            case "last", "latest", "newest" -> "last";
            default -> "";
        };
    }

    static double of(String operator, List<JsonNode> events, Function<JsonNode, JsonNode> field) {
        return switch (canonical(operator)) {
            case "count" -> events.size();
            case "distinct" -> distinct(events, field);
            case "sum" -> numbers(events, field).stream().mapToDouble(Double::doubleValue).sum();
            case "max" -> numbers(events, field).stream().mapToDouble(Double::doubleValue).max().orElse(0);
            case "min" -> numbers(events, field).stream().mapToDouble(Double::doubleValue).min().orElse(0);
            case "average" -> numbers(events, field).stream().mapToDouble(Double::doubleValue).average().orElse(0);
            case "first" -> edge(numbers(events, field), true);
            case "last" -> edge(numbers(events, field), false);
            default -> 0;
        };
    }

    /** How many different values the field takes (1 and "1.0" are one); an event without it is left out. */
    private static double distinct(List<JsonNode> events, Function<JsonNode, JsonNode> field) {
        Set<String> seen = new HashSet<>();
        for (JsonNode event : events) {
            JsonNode value = field.apply(event);
            if (!value.isMissingNode() && !value.isNull()) {
                BigDecimal number = Criterion.number(value);
                seen.add(number != null ? number.stripTrailingZeros().toPlainString() : value.toString());
            }
        }
        return seen.size();
    }

    private static List<Double> numbers(List<JsonNode> events, Function<JsonNode, JsonNode> field) {
        List<Double> numbers = new ArrayList<>();
        for (JsonNode event : events) {
            BigDecimal number = Criterion.number(field.apply(event));
            if (number != null) {
                numbers.add(number.doubleValue());
            }
        }
        return numbers;
    }

    private static double edge(List<Double> numbers, boolean first) {
        return numbers.isEmpty() ? 0 : numbers.get(first ? 0 : numbers.size() - 1);
    }
}
