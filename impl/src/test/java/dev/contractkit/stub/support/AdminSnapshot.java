package dev.contractkit.stub.support;

import dev.contractkit.stub.StubServer;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Every collection the admin API lists, with every item it holds: what a request could have changed. */
public final class AdminSnapshot {

    public static JsonNode of(StubServer server) {
        String admin = server.baseUri() + "/__admin";
        JsonNode collections = StubHttp.send("GET", admin + "/collections", null).body();
        ObjectNode snapshot = StubHttp.JSON.createObjectNode();
        for (JsonNode collection : collections.path("collections")) {
            for (var scopes = collection.path("scopes").fieldNames(); scopes.hasNext(); ) {
                String path = concrete(collection.path("collection").asText(), scopes.next());
                String vendor = collection.path("vendor").asText();
                JsonNode items = StubHttp.send("GET", admin + "/resources?vendor=" + vendor + "&path="
                        + URLEncoder.encode(path, StandardCharsets.UTF_8), null).body();
                snapshot.set(vendor + " " + path, items);
            }
        }
        assertFalse(snapshot.isEmpty(), "the admin API lists the loaded data: " + collections);
        return snapshot;
    }

    /** The collection's template with its scope's values in place of its parameters, in order. */
    private static String concrete(String template, String scope) {
        String path = template;
        if (!scope.isEmpty()) {
            for (String value : scope.split("/")) {
                path = path.replaceFirst("\\{[^}/]+}", java.util.regex.Matcher.quoteReplacement(value));
            }
        }
        return path;
    }
}