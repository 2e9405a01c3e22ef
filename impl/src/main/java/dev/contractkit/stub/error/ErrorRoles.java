package dev.contractkit.stub.error;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What each property of an error schema is for, read from its name, then its description, and its type:
 * a message for people, a machine code, the failing field, the status, a list of per-field errors, a nested
 * wrapper ({"error": {...}}), a success flag. Some names read by their neighbours: {@code error} is the code
 * beside a message (OAuth's error and error_description) and the message alone; {@code title} is the
 * reason phrase beside a detail (RFC 7807) and the message alone.
 */
final class ErrorRoles {

    enum Role { MESSAGE, TITLE, CODE, FIELD, STATUS, LIST, NESTED, FALSE_FLAG, TRUE_FLAG, NONE }

    private static final Set<String> MESSAGES = Set.of("message", "msg", "errormessage", "errormsg", "detail",
            "details", "description", "errordescription", "longmessage", "humanmessage", "displaymessage",
            "usermessage", "developermessage", "text", "errortext", "summary");
    /** Message-like alone, something else beside a message. */
    private static final Set<String> SECOND_MESSAGES = Set.of("title", "error", "reason");
    private static final Set<String> CODES = Set.of("code", "errorcode", "type", "errortype", "kind", "errorenum",
            "errorkey", "errorname", "reasoncode", "subcode", "errorid");
    private static final Set<String> STATUSES = Set.of("status", "statuscode", "httpstatus", "httpstatuscode",
            "httpcode", "statusnumber");
    private static final Set<String> FIELDS = Set.of("field", "fieldname", "fieldpath", "param", "parameter",
            "paramname", "parametername", "pointer", "jsonpointer", "property", "propertyname", "propertypath",
            "attribute", "attributename");
    /** Field-like only inside an entry of a list: at the top, "path" is usually the request's path. */
    private static final Set<String> ENTRY_FIELDS = Set.of("path", "location", "loc", "name", "key", "source", "target");
    private static final Set<String> LISTS = Set.of("errors", "details", "violations", "invalidparams", "fielderrors",
            "issues", "problems", "causes", "messages", "validationerrors", "failures", "params", "parameters",
            "reasons", "suberrors", "errordetails", "fields");
    private static final Set<String> SUCCESS = Set.of("success", "ok", "succeeded", "successful", "issuccess");
    private static final Set<String> FAILURE = Set.of("error", "failed", "failure", "iserror", "haserror", "haserrors");

    private final ErrorSchemas schemas;

    ErrorRoles(ErrorSchemas schemas) {
        this.schemas = schemas;
    }

    /** The role of every property of an object schema (resolved), in its order. */
    Map<String, Role> of(JsonNode object, boolean inEntry, int depth) {
        Map<String, Role> roles = new LinkedHashMap<>();
        object.path("properties").fields().forEachRemaining(p ->
                roles.put(p.getKey(), role(p.getKey(), schemas.resolve(p.getValue()), inEntry, depth)));
        boolean hasMessage = roles.containsValue(Role.MESSAGE);
        roles.replaceAll((name, role) -> role != Role.NONE || !SECOND_MESSAGES.contains(normal(name))
                || !"string".equals(typeOf(object, name)) ? role
                : !hasMessage ? Role.MESSAGE : normal(name).equals("title") ? Role.TITLE : Role.CODE);
        keepOneList(roles, object, depth);
        return roles;
    }

    private String typeOf(JsonNode object, String name) {
        String type = ErrorSchemas.type(schemas.resolve(object.path("properties").path(name)));
        return type.isEmpty() ? "string" : type;
    }

    private Role role(String name, JsonNode schema, boolean inEntry, int depth) {
        String n = normal(name);
        String type = ErrorSchemas.type(schema);
        switch (type) {
            case "object":
                return Role.NESTED;
            case "array":
                return depth < 4 && isErrorList(n, schemas.resolve(schema.path("items")), depth) ? Role.LIST : Role.NONE;
            case "boolean":
                return SUCCESS.contains(n) ? Role.FALSE_FLAG : FAILURE.contains(n) ? Role.TRUE_FLAG : Role.NONE;
            case "integer", "number":
                return STATUSES.contains(n) || n.equals("code") ? Role.STATUS : Role.NONE;
            default:
                break;
        }
        if (STATUSES.contains(n)) {
            return Role.STATUS;
        }
        if (MESSAGES.contains(n)) {
            return Role.MESSAGE;
        }
        if (CODES.contains(n) || (n.endsWith("code") || n.endsWith("type")) && !n.endsWith("contenttype") && !n.endsWith("mediatype")) {
            return Role.CODE;
        }
        if (FIELDS.contains(n) || inEntry && ENTRY_FIELDS.contains(n)) {
            return Role.FIELD;
        }
        return SECOND_MESSAGES.contains(n) ? Role.NONE : byDescription(schema.path("description").asText("").toLowerCase(Locale.ROOT));
    }

    private static Role byDescription(String description) {
        if (description.contains("human-readable") || description.contains("human readable")
                || description.contains("error message") || description.contains("explanation")) {
            return Role.MESSAGE;
        }
        if (description.contains("machine-readable") || description.contains("machine readable")
                || description.contains("error code") || description.contains("error type")) {
            return Role.CODE;
        }
        if (description.contains("http status") || description.contains("status code")) {
            return Role.STATUS;
        }
        boolean names = description.contains("parameter") || description.contains("field") || description.contains("property");
        return names && (description.contains("fail") || description.contains("invalid") || description.contains("caused"))
                ? Role.FIELD : Role.NONE;
    }

    /** An array of entries that each say a message or name a field, or of texts, under a list's name. */
    private boolean isErrorList(String name, JsonNode items, int depth) {
        String type = ErrorSchemas.type(items);
        if (type.equals("string")) {
            return LISTS.contains(name);
        }
        if (!type.equals("object")) {
            return false;
        }
        Map<String, Role> entry = of(items, true, depth + 1);
        return entry.containsValue(Role.MESSAGE) || entry.containsValue(Role.FIELD)
                || LISTS.contains(name) && entry.containsValue(Role.CODE);
    }

    /** One list carries the failed fields: the one whose entries name a field, else the first. */
    private void keepOneList(Map<String, Role> roles, JsonNode object, int depth) {
        String kept = null;
        for (var e : roles.entrySet()) {
            if (e.getValue() == Role.LIST && (kept == null || !namesField(roles, object, kept, depth) && namesField(roles, object, e.getKey(), depth))) {
                kept = e.getKey();
            }
        }
        String chosen = kept;
        roles.replaceAll((name, role) -> role == Role.LIST && !name.equals(chosen) ? Role.NONE : role);
    }

    private boolean namesField(Map<String, Role> roles, JsonNode object, String list, int depth) {
        JsonNode items = schemas.resolve(schemas.resolve(object.path("properties").path(list)).path("items"));
        return ErrorSchemas.type(items).equals("object") && of(items, true, depth + 1).containsValue(Role.FIELD);
    }

    static String normal(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }
}
