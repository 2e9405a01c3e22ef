package dev.contractkit.stub;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.contractkit.stub.journal.Recorded;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** Conversions between the generated client models and what the stub stores and records. */
final class TestAccess {

    /** Each vendor's generated client's ObjectMapper (its JSON class's), made once: it knows the models' types. */
    private static final java.util.Map<Vendor, ObjectMapper> CLIENT_JSON = new java.util.concurrent.ConcurrentHashMap<>();

    private TestAccess() {
    }

    static ObjectMapper clientJson(Vendor vendor) {
        return CLIENT_JSON.computeIfAbsent(vendor, v -> {
            try {
                Object json = generated(v, ".JSON").getConstructor().newInstance();
                return (ObjectMapper) json.getClass().getMethod("getMapper").invoke(json);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("the generated client of " + v + " has no usable JSON class", e);
            }
        });
    }

    /** An API class of the vendor's generated client, on a client pointed at {@code url} sending {@code token}. */
    static <T> T client(Vendor vendor, Class<T> api, String url, String token) {
        try {
            Class<?> apiClient = generated(vendor, ".ApiClient");
            Object client = apiClient.getConstructor().newInstance();
            apiClient.getMethod("setBasePath", String.class).invoke(client, url);
            try {
                apiClient.getMethod("setBearerToken", String.class).invoke(client, token);
            } catch (NoSuchMethodException noBearerScheme) {
                // a spec with no bearer scheme generates no such setter: the client sends what its spec asks
            }
            return api.getConstructor(apiClient).newInstance(client);
        } catch (NoSuchMethodException e) {
            throw new IllegalArgumentException(api.getName() + " is not an API class of " + vendor + "'s generated client", e);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot make " + api.getSimpleName() + " for " + vendor, e);
        }
    }

    private static Class<?> generated(Vendor vendor, String suffix) throws ClassNotFoundException {
        return Class.forName(vendor.clientPackage() + suffix, true, TestAccess.class.getClassLoader());
    }

    static <T> T seed(StubState state, Vendor vendor, String path, T item) {
        ObjectMapper json = clientJson(vendor);
        ObjectNode stored = state.seed(vendor, path, json.valueToTree(item));
        @SuppressWarnings("unchecked")
        Class<T> type = (Class<T>) item.getClass();
        return json.convertValue(stored, type);
    }

    static <T> List<T> received(StubState state, Vendor vendor, String operationId, Class<T> bodyType) {
        List<Recorded> recorded = state.journal().find(r -> r.vendor().equals(vendor.prefix())
                && operationId.equals(r.operation()) && r.body().length > 0);
        return recorded.stream().map(r -> read(clientJson(vendor), r.body(), bodyType)).toList();
    }

    private static <T> T read(ObjectMapper json, byte[] body, Class<T> type) {
        try {
            return json.readValue(body, type);
        } catch (IOException e) {
            throw new UncheckedIOException("a recorded body does not read as " + type.getSimpleName(), e);
        }
    }
}
