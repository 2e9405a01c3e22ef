package dev.contractkit.stub.spec;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One credential a security requirement asks for, read from the scheme it names: a bearer token in
 * Authorization (http bearer, oauth2, openIdConnect), Basic credentials, or an API key in a header, query
 * parameter or cookie.
 *
 * @param kind what is sent: {@link Kind#BEARER}, {@link Kind#BASIC}, {@link Kind#API_KEY}
 * @param in   where an API key goes: header, query or cookie (Authorization's header for the others)
 * @param name the header, query parameter or cookie that carries it
 */
public record Credential(Kind kind, String in, String name) {

    public enum Kind { BEARER, BASIC, API_KEY }

    private static final Credential BEARER = new Credential(Kind.BEARER, "header", "Authorization");

    /**
     * The alternatives an operation accepts (any one will do), each the credentials it needs together: its own
     * {@code security}, else the document's. Empty when it asks for none; an empty alternative ({@code {}})
     * makes credentials optional.
     */
    static List<List<Credential>> requirements(JsonNode operation, JsonNode document) {
        JsonNode security = operation.has("security") ? operation.get("security") : document.path("security");
        List<List<Credential>> alternatives = new ArrayList<>();
        for (JsonNode requirement : security) {
            List<Credential> together = new ArrayList<>();
            requirement.fieldNames().forEachRemaining(scheme ->
                    together.add(of(document.path("components").path("securitySchemes").path(scheme))));
            alternatives.add(List.copyOf(together));
        }
        return List.copyOf(alternatives);
    }

    /** A scheme as a credential; one the document does not define is read as a bearer token, the common case. */
    private static Credential of(JsonNode scheme) {
        String type = scheme.path("type").asText("");
        if (type.equals("apiKey") && !scheme.path("name").asText("").isEmpty()) {
            return new Credential(Kind.API_KEY, scheme.path("in").asText("header"), scheme.path("name").asText());
        }
        if (type.equals("http") && scheme.path("scheme").asText("").toLowerCase(Locale.ROOT).equals("basic")) {
            return new Credential(Kind.BASIC, "header", "Authorization");
        }
        return BEARER;
    }
}
