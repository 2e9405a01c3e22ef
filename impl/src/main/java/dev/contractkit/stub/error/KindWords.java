package dev.contractkit.stub.error;

import dev.contractkit.stub.refusal.ErrorKind;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Picks the value of a schema's enum that names an error kind (for a code, a type or a status the vendor
 * restricts): not_found for a 404, "RESOURCE_EXHAUSTED" for a 429, 422 among [400, 422]. Words of the kind
 * itself count most, words of its class (a client's or the server's error) break ties; with no word of
 * either, the first value, which at least validates.
 */
final class KindWords {

    private static final Map<ErrorKind, List<String>> WORDS = Map.ofEntries(
            Map.entry(ErrorKind.INVALID_REQUEST, List.of("invalidrequest", "validation", "invalid", "badrequest", "unprocessable", "parameter", "argument")),
            Map.entry(ErrorKind.MALFORMED_JSON, List.of("malformed", "json", "parse", "syntax", "badrequest", "invalid")),
            Map.entry(ErrorKind.BAD_CURSOR, List.of("cursor", "pagination", "invalid", "badrequest")),
            Map.entry(ErrorKind.UNAUTHORIZED, List.of("unauthorized", "unauthenticated", "authentication", "credential", "token", "auth")),
            Map.entry(ErrorKind.NOT_FOUND, List.of("notfound", "nosuch", "missing", "found", "resource")),
            Map.entry(ErrorKind.OWNER_NOT_FOUND, List.of("notfound", "nosuch", "missing", "found", "resource")),
            Map.entry(ErrorKind.METHOD_NOT_ALLOWED, List.of("methodnotallowed", "notallowed", "method", "unsupported")),
            Map.entry(ErrorKind.CONFLICT, List.of("conflict", "alreadyexists", "exists", "duplicate", "already", "taken")),
            Map.entry(ErrorKind.TOO_LARGE, List.of("toolarge", "payload", "large", "size", "entity")),
            Map.entry(ErrorKind.UNSUPPORTED_MEDIA_TYPE, List.of("mediatype", "contenttype", "unsupported", "media")),
            Map.entry(ErrorKind.RATE_LIMITED, List.of("ratelimit", "toomany", "throttl", "exhausted", "quota", "rate", "limit")),
            Map.entry(ErrorKind.INTERNAL, List.of("internal", "servererror", "apierror", "unexpected", "unknown", "server")),
            Map.entry(ErrorKind.UNAVAILABLE, List.of("unavailable", "maintenance", "overloaded", "temporar", "server")));
    private static final List<String> CLIENT = List.of("invalidrequest", "badrequest", "request", "client", "invalid");
    private static final List<String> SERVER = List.of("apierror", "server", "internal", "api");

    private KindWords() {
    }

    /** The enum's value for this kind and status (the first value when none fits), or null for an empty enum. */
    static JsonNode pick(JsonNode values, ErrorKind kind, int status) {
        JsonNode best = null;
        int bestScore = -1;
        for (JsonNode value : values) {
            if (value.isNull()) {
                continue;
            }
            int score = score(value, kind, status);
            if (score > bestScore) {
                best = value;
                bestScore = score;
            }
        }
        return best;
    }

    private static int score(JsonNode value, ErrorKind kind, int status) {
        if (value.isNumber()) {
            return value.asInt() == status ? 1000 : value.asInt() / 100 == status / 100 ? 100 : 0;
        }
        String text = value.asText().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        int score = text.contains(String.valueOf(status)) ? 500 : 0;
        for (String word : WORDS.get(kind)) {
            score += text.contains(word) ? 10 * word.length() : 0;
        }
        for (String word : status >= 500 ? SERVER : CLIENT) {
            score += text.contains(word) ? word.length() : 0;
        }
        return score;
    }
}
