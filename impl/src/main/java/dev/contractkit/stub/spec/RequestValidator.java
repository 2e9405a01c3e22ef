package dev.contractkit.stub.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.path.NodePath;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Checks a routed request's path, query and header parameters and body against its operation's schemas. */
public final class RequestValidator {

    private RequestValidator() {
    }

    /**
     * Each path parameter, decoded, against its schema. A '/', '?' or '#' in a decoded value is refused
     * whatever the schema says: sent encoded, it would address another path once a client or proxy decodes it.
     */
    public static List<Violation> pathParams(Route route) {
        List<Violation> violations = new ArrayList<>();
        route.operation().pathParamSchemas().forEach((name, schema) -> {
            String value = route.pathParams().get(name);
            if (value != null && addressesAnotherPath(value)) {
                violations.add(new Violation(name, "must not contain '/', '?' or '#' (sent percent-encoded)", false));
            } else {
                violations.addAll(check(schema, TextNode.valueOf(value), name));
            }
        });
        return violations;
    }

    private static boolean addressesAnotherPath(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '/' || c == '?' || c == '#') {
                return true;
            }
        }
        return false;
    }

    /**
     * The declared query parameters against their schemas: a required one missing, or a value that does
     * not read as its type (a query value is text: "10" is read as the integer its schema asks for).
     */
    public static List<Violation> queryParams(Operation operation, Map<String, List<String>> query) {
        return params(operation.queryParams().values(), query);
    }

    private static List<Violation> params(java.util.Collection<QueryParam> params, Map<String, List<String>> sent) {
        List<Violation> violations = new ArrayList<>();
        for (QueryParam param : params) {
            List<String> values = sent.get(param.name());
            if (values == null || values.isEmpty()) {
                if (param.required()) {
                    violations.add(new Violation(param.name(), "is required", true));
                }
            } else if (param.schema() != null) {
                violations.addAll(check(param.schema(), QueryValues.typed(param.schemaNode(), values),
                        param.name()));
            }
        }
        return violations;
    }

    /**
     * The declared header parameters, as the query's: a required one missing (a 400, as a missing required query
     * parameter is), or a value its schema refuses. {@code headers} are looked up by name, so the map given must
     * ignore case, as HTTP does (a JAX-RS request's does).
     */
    public static List<Violation> headerParams(Operation operation, Map<String, List<String>> headers) {
        return params(operation.headerParams().values(), headers);
    }

    public static List<Violation> body(Operation operation, JsonNode body) {
        return check(operation.bodySchema(), body, "body");
    }

    /** One violation a field: a field can fail twice (type and enum), and its messages are joined. */
    public static List<Violation> check(Schema schema, JsonNode value, String rootName) {
        List<Error> errors = schema.validate(value);
        if (errors.isEmpty()) {
            return List.of();
        }
        Map<String, Violation> byParam = new LinkedHashMap<>();
        for (Error error : errors) {
            String param = param(error, rootName);
            boolean missing = "required".equals(error.getKeyword());
            String message = message(error);
            byParam.merge(param, new Violation(param, message, missing),
                    (a, b) -> new Violation(param, a.message() + "; " + b.message(), a.missing()));
        }
        return List.copyOf(byParam.values());
    }

    private static String message(Error error) {
        return switch (error.getKeyword()) {
            case "required" -> "is required";
            case "additionalProperties" -> "is not a known parameter";
            default -> error.getMessage();
        };
    }

    /** A field path as vendors print it: contacts[0].email, with the missing or unknown property named. */
    private static String param(Error error, String rootName) {
        StringBuilder path = new StringBuilder();
        NodePath location = error.getInstanceLocation();
        for (int i = 0; i < location.getNameCount(); i++) {
            Object element = location.getElement(i);
            if (element instanceof Integer index) {
                path.append('[').append(index).append(']');
            } else {
                path.append(path.length() > 0 ? "." : "").append(element);
            }
        }
        if (error.getProperty() != null) {
            path.append(path.length() > 0 ? "." : "").append(error.getProperty());
        }
        return path.length() > 0 ? path.toString() : rootName;
    }
}
