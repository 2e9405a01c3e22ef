package dev.contractkit.contract;

import dev.contractkit.stub.spec.OpenApiSpec;
import dev.contractkit.stub.spec.Operation;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * An operation's documented responses as OpenAPI keys them: a code ("404"), a range ("4XX") or "default".
 * A status is answered by its own code, else its range, else default; never read a key as a number.
 */
final class ResponseKeys {

    static final String DEFAULT = "default";

    private ResponseKeys() {
    }

    /** The keys the operation documents, in the spec's order. */
    static List<String> of(OpenApiSpec spec, Operation operation) {
        List<String> keys = new ArrayList<>();
        spec.document().at(operation.pointer() + "/responses").fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    /** The documented response that describes this status, or null when none does. */
    static String keyFor(int status, Collection<String> keys) {
        String code = String.valueOf(status);
        if (keys.contains(code)) {
            return code;
        }
        for (String key : keys) {
            if (key.toUpperCase(Locale.ROOT).equals(code.charAt(0) + "XX")) {
                return key;
            }
        }
        return keys.contains(DEFAULT) ? DEFAULT : null;
    }

    /** Whether this key is the one that describes the status. */
    static boolean describes(String key, int status, Collection<String> keys) {
        return key.equals(keyFor(status, keys));
    }

    /** A documented success: a 2xx the operation names by code or 2XX, or any 2xx under default when it names none. */
    static boolean isDocumentedSuccess(int status, Collection<String> keys) {
        String key = keyFor(status, keys);
        return status / 100 == 2 && key != null
                && (!key.equals(DEFAULT) || keys.stream().noneMatch(k -> k.startsWith("2")));
    }

    /** Whether the key can describe a 400 (a bad request's example is not expected to fit the spec). */
    static boolean mayDescribeBadRequest(String key, Collection<String> keys) {
        return describes(key, 400, keys);
    }

    /**
     * A concrete status the key stands for, for a double to answer: the code itself, the first of a range,
     * and for default the first error status no other key describes.
     */
    static int sample(String key, Collection<String> keys) {
        if (key.matches("\\d{3}")) {
            return Integer.parseInt(key);
        }
        if (key.toUpperCase(Locale.ROOT).matches("[1-5]XX")) {
            return (key.charAt(0) - '0') * 100;
        }
        for (int status = 400; status < 600; status++) {
            if (DEFAULT.equals(keyFor(status, keys))) {
                return status;
            }
        }
        return 500;
    }
}
