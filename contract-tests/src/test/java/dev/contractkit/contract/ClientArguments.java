package dev.contractkit.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.contractkit.stub.spec.Operation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.Locale;
import java.util.Map;

/**
 * The arguments of a generated client method, each found by the spec parameter of its name: the generator
 * orders them its own way (required first, path-level parameters after the operation's), so position says
 * nothing. Java names are the spec's camel-cased (business_id -> businessId); the one argument that is no
 * parameter is the body.
 */
final class ClientArguments {

    /** A value the client's typed argument cannot carry (not-a-uuid for a UUID): the request cannot be sent. */
    static final class Unsendable extends Exception {
        Unsendable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private ClientArguments() {
    }

    static Object[] of(Method method, Operation operation, dev.contractkit.stub.spec.OpenApiSpec spec, ObjectMapper json,
            ClientRequest request) throws Unsendable {
        java.util.Set<String> headersAndCookies = headersAndCookies(spec, operation);
        Parameter[] parameters = method.getParameters();
        Object[] args = new Object[parameters.length];
        for (int i = 0; i < parameters.length; i++) {
            Parameter parameter = parameters[i];
            if (!parameter.isNamePresent()) {
                throw new AssertionError(method + " has no parameter names: generated-client must compile with "
                        + "-parameters (maven-compiler-plugin <parameters>true</parameters>)");
            }
            String key = comparable(parameter.getName());
            String path = named(operation.pathParamNames(), key);
            String query = named(operation.queryParams().keySet(), key);
            if (path != null) {
                String value = request.pathParams().get(path);
                if (value == null) {
                    throw new AssertionError(operation.id() + ": no value for path parameter " + path);
                }
                args[i] = convert(json, TextNode.valueOf(value), parameter, path);
            } else if (query != null) {
                JsonNode value = request.query().get(query);
                args[i] = value == null ? null : convert(json, value, parameter, query);
            } else if (named(headersAndCookies, key) != null) {
                args[i] = null; // a header or cookie the stub does not read (If-Match): the client leaves it out
            } else if (parameter.getType() == java.io.File.class) {
                args[i] = upload(); // a multipart part of binary format
            } else if (operation.hasBody()) {
                args[i] = request.hasBody()
                        ? json.convertValue(request.body(), json.constructType(parameter.getParameterizedType())) : null;
            } else if (!multipartOrForm(spec, operation)) {
                throw new AssertionError(method + ": argument " + parameter.getName()
                        + " is no path or query parameter of " + operation.id() + ", and it has no body");
            }
            // else: another field of a multipart or form body, left out as an optional one would be
        }
        return args;
    }

    private static Object convert(ObjectMapper json, JsonNode value, Parameter parameter, String name)
            throws Unsendable {
        try {
            return json.convertValue(value, json.constructType(parameter.getParameterizedType()));
        } catch (IllegalArgumentException e) {
            throw new Unsendable("the client's " + parameter.getType().getSimpleName() + " argument " + name
                    + " cannot carry " + value, e);
        }
    }

    /** The operation's header and cookie parameters (its own and its path's), which the client takes as arguments. */
    private static java.util.Set<String> headersAndCookies(dev.contractkit.stub.spec.OpenApiSpec spec, Operation operation) {
        java.util.Set<String> names = new java.util.LinkedHashSet<>();
        String pathItem = operation.pointer().substring(0, operation.pointer().lastIndexOf('/'));
        for (String at : new String[] {operation.pointer() + "/parameters", pathItem + "/parameters"}) {
            for (JsonNode parameter : spec.document().at(spec.resolvedPointer(at))) {
                JsonNode resolved = parameter.has("$ref") ? spec.document().at(parameter.get("$ref").asText().substring(1)) : parameter;
                String in = resolved.path("in").asText();
                if (in.equals("header") || in.equals("cookie")) {
                    names.add(resolved.path("name").asText());
                }
            }
        }
        return names;
    }

    private static boolean multipartOrForm(dev.contractkit.stub.spec.OpenApiSpec spec, Operation operation) {
        JsonNode content = spec.document().at(spec.resolvedPointer(operation.pointer() + "/requestBody/content"));
        return content.has("multipart/form-data") || content.has("application/x-www-form-urlencoded");
    }

    /** A small file to upload, deleted when the JVM exits. */
    private static java.io.File upload() {
        try {
            java.nio.file.Path file = java.nio.file.Files.createTempFile("contract-kit-upload", ".png");
            java.nio.file.Files.write(file, new byte[] {(byte) 0x89, 'P', 'N', 'G'});
            file.toFile().deleteOnExit();
            return file.toFile();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String named(Iterable<String> specNames, String key) {
        for (String name : specNames) {
            if (comparable(name).equals(key)) {
                return name;
            }
        }
        return null;
    }

    /** business_id, businessId and _businessId (a generator-escaped name) compare equal. */
    private static String comparable(String name) {
        return name.replaceAll("[^A-Za-z0-9]", "").toLowerCase(Locale.ROOT);
    }

    /** What to send: path parameters (text), query parameters (JSON values) and a body (null for none). */
    record ClientRequest(Map<String, String> pathParams, Map<String, JsonNode> query, JsonNode body) {
        boolean hasBody() {
            return body != null && !body.isMissingNode();
        }
    }
}
