package dev.contractkit.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Where an answer differs from the documented one, field by field, each difference named by its pointer. A
 * documented text with an ellipsis ("Business 73f3… not found") is the vendor's words with something left out:
 * the words around each "…" must be answered, in order, and the ellipsis stands for any text between them.
 */
final class JsonMatch {

    private static final String ELLIPSIS = "\u2026";

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
        } else if (elides(expected)) {
            if (!actual.isTextual() || !elided(expected.textValue()).matcher(actual.textValue()).matches()) {
                out.add(where + ": documented the words " + expected + " (… for any text), was " + actual);
            }
        } else if (!expected.equals(actual)) {
            out.add(where + ": documented " + expected + ", was " + actual);
        }
    }

    private static boolean elides(JsonNode expected) {
        return expected.isTextual() && expected.textValue().contains(ELLIPSIS);
    }

    /** The documented words, quoted, with each ellipsis standing for one or more characters. */
    private static Pattern elided(String documented) {
        StringBuilder regex = new StringBuilder();
        String[] words = documented.split(ELLIPSIS, -1);
        for (int i = 0; i < words.length; i++) {
            regex.append(i == 0 ? "" : ".+").append(Pattern.quote(words[i]));
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }
}
