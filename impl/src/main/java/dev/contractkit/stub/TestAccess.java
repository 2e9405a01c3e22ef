package dev.contractkit.stub;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.contractkit.stub.journal.Recorded;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** Conversions between the generated client models and what the stub stores and records. */
final class TestAccess {

    static final ObjectMapper VAYU_CLIENT_JSON = new dev.contractkit.vayu.client.JSON().getMapper();
    static final ObjectMapper LAYER_CLIENT_JSON = new dev.contractkit.layer.client.JSON().getMapper();

    private TestAccess() {
    }

    static ObjectMapper clientJson(Vendor vendor) {
        return vendor == Vendor.VAYU ? VAYU_CLIENT_JSON : LAYER_CLIENT_JSON;
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
