package dev.contractkit.stub.error;

import dev.contractkit.stub.spec.Violation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.contractkit.stub.engine.Samples;
import dev.contractkit.stub.error.ErrorRoles.Role;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An error body built to a vendor's error schema, each property filled by what it is for (see
 * {@link ErrorRoles}): the message, the code (the schema's enum value for the kind where it has an enum),
 * the failed field, the status, one list entry per failed field, nested wrappers alike. A required property
 * no meaning fills gets a sample that fits its schema; an optional one is left out.
 */
final class ErrorBodies {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final int MAX_DEPTH = 6;
    /** Open objects of an entry where a failed field can be named: Layer's meta, JSON:API-like details. */
    private static final Set<String> DETAIL_PLACES = Set.of("meta", "metadata", "details", "detail", "context", "extra", "info");

    private final ErrorSchemas schemas;
    private final ErrorRoles roles;
    private final Samples samples;

    ErrorBodies(ErrorSchemas schemas, Samples samples) {
        this.schemas = schemas;
        this.roles = new ErrorRoles(schemas);
        this.samples = samples;
    }

    /**
     * Who an object of the body speaks for: the whole error (the body, a wrapper), or one failed field (an
     * entry of the list of them; violation null for the one entry a list has when no field failed).
     */
    private record Voice(ErrorWords words, Violation violation, boolean entry, boolean listed) {

        String message(boolean fieldBeside) {
            if (violation != null) {
                return fieldBeside ? violation.message() : ErrorWords.named(violation);
            }
            return listed ? words.message() : words.detailed();
        }

        String field() {
            if (entry) {
                return violation == null ? null : violation.param();
            }
            return listed || words.violations().isEmpty() ? words.field() : words.violations().get(0).param();
        }
    }

    private record Filled(JsonNode value, boolean meaningful) {
        static final Filled NOTHING = new Filled(null, false);
    }

    /** The body for this error, or null when the schema is not an object whose members say anything. */
    ObjectNode build(JsonNode schema, ErrorWords words) {
        JsonNode resolved = schemas.resolve(schema);
        if (!"object".equals(ErrorSchemas.type(resolved))) {
            return null;
        }
        boolean listed = !words.violations().isEmpty() && carriesList(resolved, 0);
        Filled body = object(resolved, new Voice(words, null, false, listed), 0);
        return body.meaningful() ? (ObjectNode) body.value() : null;
    }

    private Filled object(JsonNode resolved, Voice voice, int depth) {
        ObjectNode body = JSON.objectNode();
        Map<String, Role> of = roles.of(resolved, voice.entry(), depth);
        Set<String> required = ErrorSchemas.required(resolved);
        boolean fieldBeside = of.containsValue(Role.FIELD);
        boolean messageBeside = of.containsValue(Role.MESSAGE);
        boolean meaningful = false;
        for (Map.Entry<String, Role> property : of.entrySet()) {
            String name = property.getKey();
            JsonNode raw = resolved.path("properties").path(name);
            JsonNode schema = schemas.resolve(raw);
            boolean isRequired = required.contains(name);
            Filled filled = switch (property.getValue()) {
                case MESSAGE -> scalar(schema, text(schema, voice.message(fieldBeside)));
                case TITLE -> scalar(schema, text(schema, voice.words().reason()));
                case CODE -> scalar(schema, code(schema, voice.words()));
                case FIELD -> voice.field() == null ? Filled.NOTHING : scalar(schema, field(name, schema, voice.field()));
                case STATUS -> scalar(schema, status(schema, voice.words()));
                case LIST -> list(schema, voice, isRequired, !messageBeside, depth);
                case NESTED -> nested(name, schema, voice, isRequired, depth);
                case FALSE_FLAG -> new Filled(BooleanNode.FALSE, false);
                case TRUE_FLAG -> new Filled(BooleanNode.TRUE, false);
                case NONE -> Filled.NOTHING;
            };
            JsonNode value = filled.value() != null ? filled.value() : isRequired ? sample(raw, schema) : null;
            if (value != null) {
                body.set(name, value);
            }
            meaningful |= filled.meaningful();
        }
        return new Filled(body, meaningful);
    }

    private static Filled scalar(JsonNode schema, JsonNode value) {
        return value != null && Fits.fits(schema, value) ? new Filled(value, true) : Filled.NOTHING;
    }

    /**
     * One entry per failed field; with none, one entry saying the error where the list is the only place
     * for a message (Layer's and Clerk's {"errors": [...]}) or must not be empty, else an empty list where
     * one is required, else no list.
     */
    private Filled list(JsonNode schema, Voice voice, boolean required, boolean onlyPlaceForMessage, int depth) {
        JsonNode items = schemas.resolve(schema.path("items"));
        List<Voice> entries = voice.entry() ? List.of() // a list inside an entry: its field is named already
                : voice.words().violations().stream().map(v -> new Voice(voice.words(), v, true, false)).toList();
        if (entries.isEmpty()) {
            if (!onlyPlaceForMessage && schema.path("minItems").asInt(0) == 0) {
                return required ? new Filled(JSON.arrayNode(), false) : Filled.NOTHING;
            }
            entries = List.of(new Voice(voice.words(), null, true, false));
        }
        ArrayNode array = JSON.arrayNode();
        for (Voice entry : entries.subList(0, Math.min(entries.size(), schema.path("maxItems").asInt(Integer.MAX_VALUE)))) {
            if ("object".equals(ErrorSchemas.type(items))) {
                array.add(object(items, entry, depth + 1).value());
            } else {
                JsonNode text = text(items, entry.violation() != null ? ErrorWords.named(entry.violation()) : voice.words().detailed());
                array.add(Fits.fits(items, text) ? text : samples.of(schema.path("items")));
            }
        }
        return new Filled(array, true);
    }

    private Filled nested(String name, JsonNode schema, Voice voice, boolean required, int depth) {
        if (depth >= MAX_DEPTH) {
            return Filled.NOTHING;
        }
        if (!schema.has("properties")) {
            boolean open = !schema.path("additionalProperties").isBoolean() || schema.get("additionalProperties").asBoolean();
            if (voice.entry() && voice.violation() != null && open && DETAIL_PLACES.contains(ErrorRoles.normal(name))) {
                return new Filled(JSON.objectNode().put("field", voice.violation().param()), true);
            }
            return Filled.NOTHING;
        }
        Filled inner = object(schema, voice, depth + 1);
        return inner.meaningful() || required ? inner : Filled.NOTHING;
    }

    /** Whether the failed fields have a list to go in, here or in a wrapper. */
    private boolean carriesList(JsonNode resolved, int depth) {
        Map<String, Role> of = roles.of(resolved, false, depth);
        if (of.containsValue(Role.LIST)) {
            return true;
        }
        return depth < MAX_DEPTH && of.entrySet().stream().anyMatch(e -> e.getValue() == Role.NESTED
                && carriesList(schemas.resolve(resolved.path("properties").path(e.getKey())), depth + 1));
    }

    private static JsonNode code(JsonNode schema, ErrorWords words) {
        if (schema.has("enum")) {
            return KindWords.pick(schema.get("enum"), words.kind(), words.status());
        }
        return schema.path("format").asText("").startsWith("ur") ? TextNode.valueOf("about:blank") : text(schema, words.code());
    }

    private static JsonNode status(JsonNode schema, ErrorWords words) {
        if (schema.has("enum")) {
            return KindWords.pick(schema.get("enum"), words.kind(), words.status());
        }
        String type = ErrorSchemas.type(schema);
        return type.equals("integer") || type.equals("number") ? IntNode.valueOf(words.status()) : TextNode.valueOf(String.valueOf(words.status()));
    }

    /** The failed field as the property names it: a JSON Pointer (/contacts/0/email) where it is one. */
    private static JsonNode field(String name, JsonNode schema, String param) {
        String n = ErrorRoles.normal(name);
        boolean pointer = n.endsWith("pointer") || schema.path("description").asText("").toLowerCase(java.util.Locale.ROOT).contains("json pointer");
        return text(schema, pointer ? "/" + param.replaceAll("\\[(\\d+)]", ".$1").replace('.', '/') : param);
    }

    private static TextNode text(JsonNode schema, String text) {
        int max = schema.path("maxLength").asInt(Integer.MAX_VALUE);
        return TextNode.valueOf(text.length() > max ? text.substring(0, max) : text);
    }

    /** A value the required property's schema accepts: the engine's sample, cut to a maximum length. */
    private JsonNode sample(JsonNode raw, JsonNode schema) {
        JsonNode sample = samples.of(raw);
        if (sample.isTextual() && !Fits.fits(schema, sample)) {
            JsonNode cut = text(schema, sample.asText());
            return Fits.fits(schema, cut) ? cut : sample;
        }
        return sample;
    }
}
