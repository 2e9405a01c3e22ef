package dev.contractkit.contract;

import com.fasterxml.jackson.databind.JsonNode;
import dev.contractkit.stub.spec.Operation;
import dev.contractkit.stub.spec.QueryParam;
import dev.contractkit.stub.spec.QueryValues;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/** Query parameters between their JSON form (examples, as data) and the text of a URL. */
final class QueryStrings {

    private QueryStrings() {
    }

    /** "?a=1&b=x&b=y" (an array repeats its parameter), or "" when there is none. */
    static String of(Map<String, JsonNode> query) {
        StringJoiner joined = new StringJoiner("&", "?", "").setEmptyValue("");
        query.forEach((name, value) -> texts(value).forEach(text -> joined.add(encode(name) + "=" + encode(text))));
        return joined.toString();
    }

    /** The query of a URL as sent: each name with its values, decoded. */
    static Map<String, List<String>> parse(String url) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        String raw = URI.create(url).getRawQuery();
        if (raw == null || raw.isEmpty()) {
            return query;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            query.computeIfAbsent(name, n -> new ArrayList<>()).add(eq < 0 ? "" : decode(pair.substring(eq + 1)));
        }
        return query;
    }

    /**
     * Each declared parameter read as the JSON its schema describes, so "true" sent and true documented
     * compare equal, and so do a repeated parameter and a comma-separated one.
     */
    static Map<String, JsonNode> typed(Operation operation, Map<String, List<String>> query) {
        Map<String, JsonNode> typed = new LinkedHashMap<>();
        for (QueryParam param : operation.queryParams().values()) {
            List<String> values = query.get(param.name());
            if (values != null && !values.isEmpty()) {
                typed.put(param.name(), QueryValues.typed(param.schemaNode(), values));
            }
        }
        return typed;
    }

    /** The documented query as text values, the way it travels. */
    static Map<String, List<String>> asText(Map<String, JsonNode> query) {
        Map<String, List<String>> text = new LinkedHashMap<>();
        query.forEach((name, value) -> text.put(name, texts(value)));
        return text;
    }

    private static List<String> texts(JsonNode value) {
        List<String> texts = new ArrayList<>();
        if (value.isArray()) {
            value.forEach(v -> texts.add(v.asText()));
        } else {
            texts.add(value.asText());
        }
        return texts;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
