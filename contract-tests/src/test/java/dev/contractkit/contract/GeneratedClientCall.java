package dev.contractkit.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.contractkit.contract.ClientArguments.ClientRequest;
import dev.contractkit.stub.spec.OpenApiSpec;
import dev.contractkit.stub.spec.Operation;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.stream.Stream;

/**
 * Calls an operation through the generated client of its vendor, found by convention (the spec's name ->
 * package, tag -> XxxApi, operationId -> its generated method name), so any operation is sent without Java
 * written for it.
 */
final class GeneratedClientCall {

    /** What came back: a status and the model value, or the status and body the ApiException carries. */
    record Outcome(int status, Object data, String errorBody) {
    }

    private final OpenApiSpec spec;
    private final Operation operation;
    private final String basePackage;

    GeneratedClientCall(String vendor, OpenApiSpec spec, Operation operation) {
        this.spec = spec;
        this.operation = operation;
        this.basePackage = VendorSpecs.clientPackage(vendor);
    }

    GeneratedClientCall(VendorOperation operation) {
        this(operation.vendor(), operation.spec(), operation.operation());
    }

    GeneratedClientCall(ContractExample example) {
        this(example.vendor(), example.spec(), example.operation());
    }

    ObjectMapper json() throws ReflectiveOperationException {
        Object mapper = Class.forName(basePackage + ".JSON").getConstructor().newInstance();
        return (ObjectMapper) mapper.getClass().getMethod("getMapper").invoke(mapper);
    }

    /** Sends the request to baseUrl, with the bearer token when given; Unsendable when its types forbid it. */
    Outcome send(String baseUrl, String token, ClientRequest request) throws Exception {
        Object client = Class.forName(basePackage + ".ApiClient").getConstructor().newInstance();
        client.getClass().getMethod("setBasePath", String.class).invoke(client, baseUrl);
        if (token != null) {
            client.getClass().getMethod("setBearerToken", String.class).invoke(client, token);
        }
        Class<?> apiClass = Class.forName(basePackage + ".api." + apiName());
        Object api = apiClass.getConstructor(client.getClass()).newInstance(client);
        Method method = method(apiClass, operation.methodName() + "WithHttpInfo");
        Object[] args = ClientArguments.of(method, operation, spec, json(), request);
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

    /**
     * Why the generated client cannot call the operation (no API class for its tag, no method for its
     * operationId), or null when it can. A client not generated at all is no defect of the spec: then null,
     * and calling fails as a build problem.
     */
    String whyNotCallable() {
        try {
            Class.forName(basePackage + ".ApiClient");
        } catch (ClassNotFoundException e) {
            return null;
        }
        Class<?> apiClass;
        try {
            apiClass = Class.forName(basePackage + ".api." + apiName());
        } catch (ClassNotFoundException e) {
            return "the generated client has no " + apiName() + " for its tag";
        }
        String method = operation.methodName() + "WithHttpInfo";
        return Stream.of(apiClass.getMethods()).anyMatch(m -> m.getName().equals(method)) ? null
                : "the generated " + apiName() + " has no method " + method;
    }

    /** The generated API class: the operation's first tag, camel-cased, plus "Api" (DefaultApi untagged). */
    private String apiName() {
        JsonNode tags = spec.document().at(operation.pointer() + "/tags");
        String tag = tags.isEmpty() ? "default" : tags.get(0).asText();
        StringBuilder name = new StringBuilder();
        for (String word : tag.split("[^A-Za-z0-9]+")) {
            if (!word.isEmpty()) {
                name.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
            }
        }
        return name + "Api";
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
