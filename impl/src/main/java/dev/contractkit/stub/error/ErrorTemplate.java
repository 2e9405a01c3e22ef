package dev.contractkit.stub.error;

import dev.contractkit.stub.spec.Violation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An error body as the spec's (or its overlay's) {@code x-contract-kit.errors} template says it, for a vendor
 * whose file documents no error body. See the package's documentation for the keys and placeholders.
 */
final class ErrorTemplate {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(message|detail|code|statusString|status|reason|field|kind)}");

    private final JsonNode body;
    private final String mediaType;

    private ErrorTemplate(JsonNode body, String mediaType) {
        this.body = body;
        this.mediaType = mediaType;
    }

    /** The document's template, or null when it has none. */
    static ErrorTemplate of(JsonNode document) {
        JsonNode errors = document.path("x-contract-kit").path("errors");
        if (!errors.path("body").isObject()) {
            return null;
        }
        return new ErrorTemplate(errors.get("body"), errors.path("mediaType").asText("application/json"));
    }

    String mediaType() {
        return mediaType;
    }

    ObjectNode body(ErrorWords words) {
        boolean listed = !words.violations().isEmpty() && listsFields(body);
        JsonNode filled = fill(body, new Scope(words, listed, false, null, false));
        return filled instanceof ObjectNode object ? object : JsonNodeFactory.instance.objectNode();
    }

    /**
     * What a part of the template speaks for: the whole error, or (entry) one failed field, violation null for
     * the one entry a list has when no field failed; fieldBeside when the entry names its field apart.
     */
    private record Scope(ErrorWords words, boolean listed, boolean entry, Violation violation, boolean fieldBeside) {
    }

    private JsonNode fill(JsonNode template, Scope scope) {
        if (template.isObject()) {
            ObjectNode filled = JsonNodeFactory.instance.objectNode();
            template.fields().forEachRemaining(member -> {
                JsonNode value = fill(member.getValue(), scope);
                if (value != null) {
                    filled.set(member.getKey(), value);
                }
            });
            // An object whose every member had nothing to say ({"source": {"pointer": "{field}"}} without a
            // field) is left out as a whole.
            return filled.isEmpty() && !template.isEmpty() ? null : filled;
        }
        if (template.isArray() && template.size() == 1 && template.get(0).isObject() && !scope.entry()) {
            // One object in an array: the pattern of an entry, repeated for each failed field.
            ArrayNode entries = JsonNodeFactory.instance.arrayNode();
            List<Violation> violations = scope.words().violations();
            boolean fieldBeside = template.get(0).toString().contains("{field}");
            for (Violation v : violations.isEmpty() ? java.util.Collections.<Violation>singletonList(null) : violations) {
                entries.add(fill(template.get(0), new Scope(scope.words(), scope.listed(), true, v, fieldBeside)));
            }
            return entries;
        }
        if (template.isTextual()) {
            return text(template.asText(), scope);
        }
        return template.deepCopy();
    }

    /** A text with its placeholders filled; a text that is one placeholder keeps the value's type, or is left out without one. */
    private static JsonNode text(String text, Scope scope) {
        ErrorWords words = scope.words();
        Violation violation = scope.violation();
        Map<String, Object> values = new java.util.HashMap<>();
        values.put("message", violation != null ? (scope.fieldBeside() ? violation.message() : ErrorWords.named(violation))
                : scope.listed() ? words.message() : words.detailed());
        values.put("detail", violation != null ? ErrorWords.named(violation) : words.detailed());
        values.put("code", words.code());
        values.put("kind", words.kind().name());
        values.put("status", words.status());
        values.put("statusString", String.valueOf(words.status()));
        values.put("reason", words.reason());
        values.put("field", violation != null ? violation.param() : scope.entry() ? null : words.field());
        Matcher whole = PLACEHOLDER.matcher(text);
        if (whole.matches()) {
            Object value = values.get(whole.group(1));
            return value == null ? null : value instanceof Integer i ? IntNode.valueOf(i) : TextNode.valueOf(value.toString());
        }
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder filled = new StringBuilder();
        while (m.find()) {
            Object value = values.get(m.group(1));
            m.appendReplacement(filled, Matcher.quoteReplacement(value == null ? "" : value.toString()));
        }
        return TextNode.valueOf(m.appendTail(filled).toString());
    }

    /** Whether the template has an entry pattern that names the failed field. */
    private static boolean listsFields(JsonNode template) {
        if (template.isArray() && template.size() == 1 && template.get(0).isObject()) {
            return template.get(0).toString().contains("{field}") || template.get(0).toString().contains("{detail}");
        }
        for (JsonNode child : template) {
            if (listsFields(child)) {
                return true;
            }
        }
        return false;
    }
}
