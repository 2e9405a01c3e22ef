package dev.contractkit.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Calls an operation through the generated client of its vendor, found by convention (tag -> XxxApi,
 * operationId -> method), so an example of any operation is sent without Java written for it.
 */
final class GeneratedClientCall {

    /** What came back: a status and the model value, or the status and body the ApiException carries. */
    record Outcome(int status, Object data, String errorBody) {
    }

    private final ContractExample example;
    private final String basePackage;

    GeneratedClientCall(ContractExample example) {
        this.example = example;
        this.basePackage = "dev.contractkit." + example.vendor().prefix() + ".client";
    }

    ObjectMapper json() throws ReflectiveOperationException {
        Object mapper = Class.forName(basePackage + ".JSON").getConstructor().newInstance();
        return (ObjectMapper) mapper.getClass().getMethod("getMapper").invoke(mapper);
    }

    /** Sends the operation with these path parameters and body to baseUrl, with the bearer token when given. */
    Outcome send(String baseUrl, String token, Map<String, String> pathParams, JsonNode body) throws Exception {
        Object client = Class.forName(basePackage + ".ApiClient").getConstructor().newInstance();
        client.getClass().getMethod("setBasePath", String.class).invoke(client, baseUrl);
        if (token != null) {
            client.getClass().getMethod("setBearerToken", String.class).invoke(client, token);
        }
        Class<?> apiClass = Class.forName(basePackage + ".api." + apiName());
        Object api = apiClass.getConstructor(client.getClass()).newInstance(client);
        Method method = method(apiClass, example.operation().id() + "WithHttpInfo");
        Object[] args = arguments(method, pathParams, body);
        try {
            Object response = method.invoke(api, args);
            int status = (Integer) response.getClass().getMethod("getStatusCode").invoke(response);
            return new Outcome(status, response.getClass().getMethod("getData").invoke(response), null);
        } catch (InvocationTargetException e) {
            Throwable failure = e.getCause();
            if (!failure.getClass().getName().equals(basePackage + ".ApiException")) {
                throw e;
            }
            int status = (Integer) failure.getClass().getMethod("getCode").invoke(failure);
            return new Outcome(status, null, (String) failure.getClass().getMethod("getResponseBody").invoke(failure));
        }
    }

    /** The generated API class: the operation's first tag, camel-cased, plus "Api". */
    private String apiName() {
        JsonNode tags = example.spec().document().at(ContractExamples.operationPointer(example.operation()) + "/tags");
        String tag = tags.isEmpty() ? "default" : tags.get(0).asText();
        return Character.toUpperCase(tag.charAt(0)) + tag.substring(1) + "Api";
    }

    private Object[] arguments(Method method, Map<String, String> pathParams, JsonNode body) throws Exception {
        Parameter[] parameters = method.getParameters();
        Object[] args = new Object[parameters.length];
        List<String> names = example.operation().pathParamNames();
        for (int i = 0; i < parameters.length; i++) {
            Class<?> type = parameters[i].getType();
            if (i < names.size()) {
                String value = pathParams.get(names.get(i));
                args[i] = type == UUID.class ? UUID.fromString(value) : value;
            } else {
                args[i] = json().treeToValue(body, type);
            }
        }
        return args;
    }

    private static Method method(Class<?> type, String name) {
        for (Method method : type.getMethods()) {
            if (method.getName().equals(name)) {
                return method;
            }
        }
        throw new AssertionError(type.getName() + " has no method " + name);
    }
}
