package dev.contractkit.stub.readme;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A JSON body as a README prints it, where `...` stands for what it leaves out: in an object, other fields;
 * in an array, other elements. Without `...` an object or array must be exactly as printed.
 */
final class JsonClaim {

    private static final String ELIDED = "\u2026elided\u2026";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonNode expected;

    JsonClaim(String printed) {
        try {
            this.expected = JSON.readTree(withMarkers(printed));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON (with ... for what is left out): " + printed, e);
        }
    }

    /** Where the actual body differs from the claim, one line each; empty when it fits. */
    List<String> mismatches(JsonNode actual) {
        List<String> found = new ArrayList<>();
        compare("", expected, actual, found);
        return found;
    }

    private static void compare(String path, JsonNode expected, JsonNode actual, List<String> found) {
        if (expected.isObject() && actual != null && actual.isObject()) {
            boolean open = expected.has(ELIDED);
            for (Iterator<Map.Entry<String, JsonNode>> it = expected.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (!field.getKey().equals(ELIDED)) {
                    compare(path + "/" + field.getKey(), field.getValue(), actual.get(field.getKey()), found);
                }
            }
            actual.fieldNames().forEachRemaining(name -> {
                if (!open && !expected.has(name)) {
                    found.add(path + "/" + name + ": not in the README, was " + actual.get(name));
                }
            });
        } else if (expected.isArray() && actual != null && actual.isArray()) {
            array(path, expected, actual, found);
        } else if (!expected.equals(actual)) {
            found.add((path.isEmpty() ? "body" : path) + ": README says " + expected + ", was " + (actual == null ? "absent" : actual));
        }
    }

    /** Exact without `...`; with it, the printed elements in order among the actual ones. */
    private static void array(String path, JsonNode expected, JsonNode actual, List<String> found) {
        List<JsonNode> printed = new ArrayList<>();
        expected.forEach(e -> {
            if (!(e.isTextual() && e.asText().equals(ELIDED))) {
                printed.add(e);
            }
        });
        if (printed.size() == expected.size()) {
            if (expected.size() != actual.size()) {
                found.add(path + ": README shows " + expected.size() + " elements, was " + actual.size() + ": " + actual);
                return;
            }
            for (int i = 0; i < expected.size(); i++) {
                compare(path + "/" + i, expected.get(i), actual.get(i), found);
            }
            return;
        }
        int next = 0;
        for (JsonNode element : printed) {
            while (next < actual.size() && !fits(element, actual.get(next))) {
                next++;
            }
            if (next++ >= actual.size()) {
                found.add(path + ": no element fits " + element + " in " + actual);
                return;
            }
        }
    }

    private static boolean fits(JsonNode expected, JsonNode actual) {
        List<String> found = new ArrayList<>();
        compare("", expected, actual, found);
        return found.isEmpty();
    }

    /** `...` outside strings becomes a marker field in an object, a marker element in an array. */
    private static String withMarkers(String printed) {
        StringBuilder out = new StringBuilder();
        Deque<Character> open = new ArrayDeque<>();
        boolean inString = false;
        for (int i = 0; i < printed.length(); i++) {
            char c = printed.charAt(i);
            if (inString) {
                inString = c != '"' || printed.charAt(i - 1) == '\\';
            } else if (c == '"') {
                inString = true;
            } else if (c == '{' || c == '[') {
                open.push(c);
            } else if (c == '}' || c == ']') {
                open.poll();
            } else if (printed.startsWith("...", i)) {
                out.append('"').append(ELIDED).append(open.peek() != null && open.peek() == '{' ? "\":null" : "\"");
                i += 2;
                continue;
            }
            out.append(c);
        }
        return out.toString();
    }
}
