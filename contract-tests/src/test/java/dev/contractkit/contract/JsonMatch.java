package dev.contractkit.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Where an answer differs from the documented one, field by field, each difference named by its pointer. */
final class JsonMatch {

    private JsonMatch() {
    }

    /** @param byShape pointers compared by JSON type only (generated ids, timestamps, undocumented wording) */
    static List<String> differences(JsonNode expected, JsonNode actual, List<String> byShape) {
        List<String> differences = new ArrayList<>();
        compare("", expected, actual, Set.copyOf(byShape), differences);
        return differences;
    }

    private static void compare(String at, JsonNode expected, JsonNode actual, Set<String> byShape, List<String> out) {
        String where = at.isEmpty() ? "/" : at;
        if (actual == null || actual.isMissingNode()) {
            out.add(where + ": missing, documented " + expected);
        } else if (byShape.contains(at)) {
            if (expected.getNodeType() != actual.getNodeType()) {
                out.add(where + ": documented a " + expected.getNodeType() + ", was " + actual);
            }
        } else if (expected.isObject() && actual.isObject()) {
            Set<String> names = new TreeSet<>();
            expected.fieldNames().forEachRemaining(names::add);
            actual.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                String child = at + "/" + name.replace("~", "~0").replace("/", "~1");
                if (!expected.has(name)) {
                    out.add(child + ": not documented, was " + actual.get(name));
                } else {
                    compare(child, expected.get(name), actual.get(name), byShape, out);
                }
            }
        } else if (expected.isArray() && actual.isArray() && expected.size() == actual.size()) {
            for (int i = 0; i < expected.size(); i++) {
                compare(at + "/" + i, expected.get(i), actual.get(i), byShape, out);
            }
        } else if (expected.isNumber() && actual.isNumber()) {
            // 0 documented and 0.0 read back into a BigDecimal are the same amount
            if (expected.decimalValue().compareTo(actual.decimalValue()) != 0) {
                out.add(where + ": documented " + expected + ", was " + actual);
            }
        } else if (!expected.equals(actual)) {
            out.add(where + ": documented " + expected + ", was " + actual);
        }
    }
}
